package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceFrameTest {

  @Test
  void parsesNumberAndPayload() {
    assertThat(SequenceFrame.parse("42: hello world"))
        .contains(new SequenceFrame(42, "hello world"));
  }

  @Test
  void emptyPayloadIsSequenced() {
    assertThat(SequenceFrame.parse("0: ")).contains(new SequenceFrame(0, ""));
  }

  @Test
  void payloadKeepsNewlinesAndFurtherSeparators() {
    assertThat(SequenceFrame.parse("7: a: b\nc\r\n")).contains(new SequenceFrame(7, "a: b\nc\r\n"));
  }

  @Test
  void largestLongIsSequenced() {
    assertThat(SequenceFrame.parse(Long.MAX_VALUE + ": x"))
        .contains(new SequenceFrame(Long.MAX_VALUE, "x"));
  }

  @Test
  void leadingZerosAreDecimal() {
    assertThat(SequenceFrame.parse("007: x")).contains(new SequenceFrame(7, "x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hello", "42:hello", "42 : x", " 1: x", "-1: x", "+1: x", "42",
      "42:", "9223372036854775808: x", "99999999999999999999: x", "١٢: arabic-indic digits",
      "0x10: x"})
  void anythingElseIsNotSequenced(String text) {
    assertThat(SequenceFrame.parse(text)).isEmpty();
  }

  @Test
  void formatRoundTrips() {
    SequenceFrame frame = new SequenceFrame(123, "payload: with colon");
    assertThat(frame.format()).isEqualTo("123: payload: with colon");
    assertThat(SequenceFrame.parse(frame.format())).contains(frame);
  }

  @Test
  void replyKeepsTheSequenceNumber() {
    assertThat(new SequenceFrame(9, "abc").withPayload("cba"))
        .isEqualTo(new SequenceFrame(9, "cba"));
  }

  @Test
  void negativeSequenceIsRejected() {
    assertThatThrownBy(() -> new SequenceFrame(-1, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sequence : -1 (expected: >= 0)");
  }
}
