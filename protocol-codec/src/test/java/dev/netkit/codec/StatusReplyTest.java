package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusReplyTest {

  @Test
  void parsesCodeAndText() {
    assertThat(StatusReply.parse("100 Travesty server version 1.0"))
        .isEqualTo(new StatusReply(100, "Travesty server version 1.0"));
    assertThat(StatusReply.parse("202 processed 42 words").text()).isEqualTo("processed 42 words");
  }

  @Test
  void codeAloneHasEmptyText() {
    assertThat(StatusReply.parse("205")).isEqualTo(new StatusReply(205, ""));
    assertThat(StatusReply.parse("205 ")).isEqualTo(new StatusReply(205, ""));
    assertThat(new StatusReply(205, "").format()).isEqualTo("205");
  }

  @Test
  void textIsKeptAsSent() {
    assertThat(StatusReply.parse("500  unknown  command ").text()).isEqualTo(" unknown  command ");
  }

  @Test
  void formatRoundTrips() {
    StatusReply reply = new StatusReply(203, "travesty follows");
    assertThat(reply.format()).isEqualTo("203 travesty follows");
    assertThat(StatusReply.parse(reply.format())).isEqualTo(reply);
  }

  @Test
  void errorsAreFourAndFiveHundreds() {
    assertThat(new StatusReply(500, "no data analyzed").isError()).isTrue();
    assertThat(new StatusReply(404, "x").isError()).isTrue();
    assertThat(new StatusReply(399, "x").isError()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "99 x|status code : \"99 \" (expected: 3 digits 100-599), input: 39 39 20 78",
      "20|status code : \"20\" (expected: 3 digits 100-599), input: 32 30",
      "''|status code : \"\" (expected: 3 digits 100-599), input: (empty)",
      "2O2 x|status code : \"2O2\" (expected: 3 digits 100-599), input: 32 4f 32 20 78",
      "600 x|status code : 600 (expected: 3 digits 100-599), input: 36 30 30 20 78",
      "099 x|status code : 99 (expected: 3 digits 100-599), input: 30 39 39 20 78",
      "202-x|status separator : \"-\" (expected: a space after the code), input: 32 30 32 2d 78",
      "2021 x|status separator : \"1\" (expected: a space after the code),"
          + " input: 32 30 32 31 20 78",
      "٢٠٢ x|status code : \"٢٠٢\" (expected: 3 digits 100-599), input: d9 a2 d9 a0 d9 a2 20 78"})
  void malformedRepliesNameTheField(String line, String message) {
    assertThatThrownBy(() -> StatusReply.parse(line))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage(message);
  }

  @Test
  void textWithALineBreakIsMalformed() {
    assertThatThrownBy(() -> StatusReply.parse("202 a\rb"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage("status text : \"a\\rb\" (expected: no CR or LF), input: 32 30 32 20 61 0d 62");
  }

  @Test
  void constructorChecksTheCode() {
    assertThatThrownBy(() -> new StatusReply(600, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code : 600 (expected: 100-599)");
    assertThatThrownBy(() -> new StatusReply(200, "a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
