package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReverseEchoTest {

  private final ReverseEcho reverseEcho = new ReverseEcho(5000);

  private byte[] reply(byte[] request) {
    ByteBuffer in = ByteBuffer.allocateDirect(request.length + 8);
    in.position(3);
    in.put(request).flip().position(3);
    ByteBuffer out = ByteBuffer.allocateDirect(5000);
    reverseEcho.reply(in, out);
    byte[] bytes = new byte[out.remaining()];
    out.get(bytes);
    assertThat(in.position()).as("request position untouched").isEqualTo(3);
    return bytes;
  }

  private String reply(String request) {
    return new String(reply(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hello there|ereht olleh",
      "what's up?|?pu s'tahw",
      "42: the meaning of life|42: efil fo gninaem eht",
      "007: ab|007: ba",
      "'0: '|'0: '",
      "42:hello|olleh:24",
      "-1: x|x :1-",
      "99999999999999999999: x|x :99999999999999999999",
  })
  void reversesAsciiLikeThePerlServer(String request, String expected) {
    assertThat(reply(request)).isEqualTo(expected);
  }

  @Test
  void reversesAnEmptyDatagramToAnEmptyOne() {
    assertThat(reply(new byte[0])).isEmpty();
  }

  @Test
  void reversesValidUtf8ByCodePoints() {
    assertThat(reply("héllo wörld")).isEqualTo("dlröw olléh");
    assertThat(reply("7: naïve 😀!")).isEqualTo("7: !😀 evïan");
  }

  @Test
  void reversesBytesThatAreNotUtf8ByteByByte() {
    byte[] latin1 = {'5', ':', ' ', 'a', (byte) 0xe9, 'b', (byte) 0xff};

    assertThat(reply(latin1)).containsExactly('5', ':', ' ', (byte) 0xff, 'b', (byte) 0xe9, 'a');
  }

  @Test
  void keepsNewlinesInThePayload() {
    assertThat(reply("3: ab\ncd")).isEqualTo("3: dc\nba");
  }
}
