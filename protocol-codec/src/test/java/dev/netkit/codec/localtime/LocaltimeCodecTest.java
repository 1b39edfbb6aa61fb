package dev.netkit.codec.localtime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocaltimeCodecTest {

  /** The book's first example: Sat Jun 17 18:06:14 2000 in the server's (here UTC-4) zone. */
  private static final Instant BOOK_TIME = Instant.parse("2000-06-17T22:06:14Z");
  private static final ZoneId LOCAL = ZoneOffset.ofHours(-4);

  private final LocaltimeCodec protocol =
      new LocaltimeCodec(Clock.fixed(BOOK_TIME, ZoneOffset.UTC), LOCAL);

  private String answer(String request) {
    byte[] bytes = request.getBytes(ISO_8859_1);
    return LocaltimeCodec.answerText(protocol.answer(bytes, bytes.length));
  }

  @Test
  void formatsLikePerlsScalarLocaltime() {
    assertThat(LocaltimeCodec.format(ZonedDateTime.of(2000, 6, 17, 18, 6, 14, 0, LOCAL)))
        .isEqualTo("Sat Jun 17 18:06:14 2000");
    assertThat(LocaltimeCodec.format(ZonedDateTime.of(2000, 6, 3, 8, 6, 4, 999, LOCAL)))
        .isEqualTo("Sat Jun  3 08:06:04 2000");
    assertThat(LocaltimeCodec.format(ZonedDateTime.of(1999, 12, 31, 23, 59, 59, 0, LOCAL)))
        .isEqualTo("Fri Dec 31 23:59:59 1999");
  }

  @Test
  void aRequestWithoutAZoneGetsTheLocalTime() {
    assertThat(answer(" ")).isEqualTo("Sat Jun 17 18:06:14 2000");
  }

  @Test
  void aKnownZoneGetsTheTimeThere() {
    assertThat(answer("Europe/Warsaw")).isEqualTo("Sun Jun 18 00:06:14 2000");
    assertThat(answer("America/Anchorage")).isEqualTo("Sat Jun 17 14:06:14 2000");
    assertThat(answer("UTC")).isEqualTo("Sat Jun 17 22:06:14 2000");
    assertThat(answer("Etc/GMT-5")).isEqualTo("Sun Jun 18 03:06:14 2000");
  }

  @Test
  void oneFinalNewlineIsAllowedAsPerlsDollarAllowsIt() {
    assertThat(answer("Europe/Warsaw\n")).isEqualTo("Sun Jun 18 00:06:14 2000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../../../../etc/passwd", "/etc/localtime", "Europe/Warsaw\n\n",
      "UTC\nEurope/Warsaw", "Europe/Warsaw; rm -rf /", "Europe/Warsaw ", " Europe/Warsaw",
      "europe/warsaw", "Foo/Bar", "+01:00", "GMT+1", "UTC+01:00", "Europe/Warsaw\u0000",
      "Europe/Warsaw\u00e9", "$(reboot)", "%s%s%s%n", "Z", "Mars/Olympus_Mons"})
  void hostileOrUnknownZoneNamesGetTheLocalTime(String request) {
    assertThat(answer(request)).isEqualTo("Sat Jun 17 18:06:14 2000");
  }

  @Test
  void aRequestLongerThanTheLimitGetsTheLocalTimeEvenIfItStartsWithAZone() {
    byte[] truncated = "Europe/Warsaw".getBytes(US_ASCII);

    assertThat(new String(protocol.answer(truncated, 129), US_ASCII))
        .isEqualTo("Sat Jun 17 18:06:14 2000");
    assertThat(LocaltimeCodec.requestedZone(new byte[129], 129)).isEmpty();
    assertThat(LocaltimeCodec.requestedZone("UTC".getBytes(US_ASCII), 3))
        .contains(ZoneId.of("UTC"));
  }

  @Test
  void answeringNeverTouchesTheProcesssTimeZone() {
    TimeZone before = TimeZone.getDefault();

    answer("Pacific/Kiritimati");
    answer("garbage");

    assertThat(TimeZone.getDefault()).isEqualTo(before);
    assertThat(System.getenv("TZ")).isEqualTo(System.getenv().get("TZ"));
  }

  @Test
  void theClientsRequestIsTheZoneOrASingleSpace() {
    assertThat(LocaltimeCodec.request("Europe/Warsaw")).isEqualTo("Europe/Warsaw".getBytes(
        US_ASCII));
    assertThat(LocaltimeCodec.request(null)).isEqualTo(new byte[] {' '});
    assertThat(LocaltimeCodec.request("")).isEqualTo(new byte[] {' '});
  }

  @Test
  void theClientReadsTheAnswerAsAscii() {
    assertThat(LocaltimeCodec.answerText("Sat Jun 17 22:06:24 2000".getBytes(US_ASCII)))
        .isEqualTo("Sat Jun 17 22:06:24 2000");
    assertThat(LocaltimeCodec.answerText(new byte[] {'a', (byte) 0xe9})).isEqualTo("a\uFFFD");
  }

  @Test
  void anAnswerFitsTheRequestLimitSoTheClientCanReceiveIt() {
    assertThat(protocol.answer(new byte[] {' '}, 1).length)
        .isLessThanOrEqualTo(LocaltimeCodec.MAX_REQUEST_BYTES);
  }
}
