package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

  @ParameterizedTest
  @ValueSource(strings = {"", "plain ascii", "Привет", "日本語", "🌍 emoji", "\uFFFD sent on purpose"})
  void validTextRoundTrips(String text) {
    byte[] bytes = Utf8.encode(text, "text");
    assertThat(bytes).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(Utf8.decode(bytes, "text")).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
      "61 ff 62, 1",          // never a UTF-8 byte
      "61 80, 1",             // continuation without a lead
      "61 62 e6 97, 2",       // truncated at the end
      "c0 af, 0",             // overlong '/'
      "ed a0 80, 0",          // encoded surrogate U+D800
      "f4 90 80 80, 0"})      // above U+10FFFF
  void malformedInputNamesTheFirstBadByte(String hex, int offset) {
    byte[] bytes = bytes(hex);
    assertThatThrownBy(() -> Utf8.decode(bytes, "line"))
        .isInstanceOfSatisfying(MalformedTextException.class,
            e -> assertThat(e.offset()).isEqualTo(offset))
        .hasMessage("line : malformed UTF-8 at byte " + offset + " (expected: UTF-8), input: "
            + hex);
  }

  @ParameterizedTest
  @CsvSource({"'a\uD800', 1", "'\uDC00b', 0", "'ab\uD83D', 2"})
  void unpairedSurrogatesCannotBeEncoded(String text, int index) {
    assertThatThrownBy(() -> Utf8.encode(text, "line"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line : unpaired surrogate at index " + index + " (expected: valid UTF-16)");
  }

  @ParameterizedTest
  @CsvSource({"61 ff 62", "c0 af", "ed a0 80"})
  void theStrictDecoderReportsWhatTheJdkDefaultWouldReplace(String hex) {
    CharsetDecoder decoder = Utf8.strictDecoder();

    assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes(hex))))
        .isInstanceOf(CharacterCodingException.class);
  }

  @Test
  void eachCallGivesANewStrictDecoder() throws CharacterCodingException {
    CharsetDecoder first = Utf8.strictDecoder();

    assertThat(Utf8.strictDecoder()).isNotSameAs(first);
    assertThat(first.decode(ByteBuffer.wrap("日本".getBytes(StandardCharsets.UTF_8))).toString())
        .isEqualTo("日本");
  }

  @Test
  void quotedValuesAreEscapedAndShort() {
    assertThat(ProtocolException.quote("bob")).isEqualTo("\"bob\"");
    assertThat(ProtocolException.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(ProtocolException.quote("x\r\n\t\u0000\u007f"))
        .isEqualTo("\"x\\r\\n\\t\\x00\\x7f\"");
    assertThat(ProtocolException.quote("0123456789".repeat(4)))
        .isEqualTo("\"01234567890123456789012345678901…\"");
  }

  static byte[] bytes(String hex) {
    String[] parts = hex.split(" ");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }
}
