package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CtimeFormatTest {

  @Test
  void formatsLikeCtime() {
    ZonedDateTime time = ZonedDateTime.of(2000, 6, 17, 18, 6, 14, 0, ZoneId.of("UTC"));
    assertThat(CtimeFormat.format(time)).isEqualTo("Sat Jun 17 18:06:14 2000");
  }

  @Test
  void padsSingleDigitDayWithASpace() {
    ZonedDateTime time = ZonedDateTime.of(1999, 9, 9, 1, 46, 40, 0, ZoneId.of("UTC"));
    assertThat(CtimeFormat.format(time)).isEqualTo("Thu Sep  9 01:46:40 1999")
        .hasSize(CtimeFormat.LENGTH);
  }

  @Test
  void usesTheZoneOfTheTimeNotTheDefault() {
    ZonedDateTime utc = ZonedDateTime.of(2000, 1, 1, 0, 30, 0, 0, ZoneId.of("UTC"));
    assertThat(CtimeFormat.format(utc.withZoneSameInstant(ZoneId.of("America/New_York"))))
        .isEqualTo("Fri Dec 31 19:30:00 1999");
  }

  @Test
  void englishNamesWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      ZonedDateTime time = ZonedDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneId.of("UTC"));
      assertThat(CtimeFormat.format(time)).isEqualTo("Mon Mar  2 08:00:00 2026");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void parsesWhatItFormats() {
    var fields = CtimeFormat.parse("Thu Sep  9 01:46:40 1999");
    assertThat(LocalDateTime.from(fields)).isEqualTo(LocalDateTime.of(1999, 9, 9, 1, 46, 40));
    assertThat(fields.get(ChronoField.DAY_OF_WEEK)).isEqualTo(4);
  }

  @Test
  void rejectsOtherText() {
    assertThatThrownBy(() -> CtimeFormat.parse("2000-06-17T18:06:14"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageStartingWith("ctime text : \"2000-06-17T18:06:14\" "
            + "(expected: like Sat Jun 17 18:06:14 2000), input: 32 30 30 30");
  }
}
