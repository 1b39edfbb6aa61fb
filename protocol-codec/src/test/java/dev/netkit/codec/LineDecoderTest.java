package dev.netkit.codec;

import static dev.netkit.codec.Chunks.assertDecodes;
import static dev.netkit.codec.Chunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.codec.LineDecoder.BareLf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineDecoderTest {

  private static void assertLines(String input, int maxLineLength, BareLf bareLf,
      String... expected) {
    assertLines(utf8(input), maxLineLength, bareLf, expected);
  }

  private static void assertLines(byte[] input, int maxLineLength, BareLf bareLf,
      String... expected) {
    assertDecodes(input, () -> new LineDecoder(maxLineLength, bareLf)::decode, List.of(expected));
  }

  @Test
  void splitsCrlfLines() {
    assertLines("GENERATE 10\r\nDATA\r\nthe cat\r\n", 8192, BareLf.ACCEPT,
        "GENERATE 10", "DATA", "the cat");
  }

  @Test
  void emptyLinesAreLines() {
    assertLines("\r\n\r\nx\r\n\n", 8192, BareLf.ACCEPT, "", "", "x", "");
  }

  @Test
  void bareLfEndsALineByDefault() {
    assertLines("BYE\nnc user\r\nlast\n", 8192, BareLf.ACCEPT, "BYE", "nc user", "last");
  }

  @Test
  void loneCrIsContent() {
    assertLines("a\rb\r\nc\r\r\n\r\r\n", 8192, BareLf.ACCEPT, "a\rb", "c\r", "\r");
  }

  @Test
  void incompleteLineWaits() {
    LineDecoder decoder = new LineDecoder();
    ByteBuffer first = ByteBuffer.wrap(utf8("DATA\r\nthe c"));
    assertThat(decoder.decode(first)).contains("DATA");
    assertThat(decoder.decode(first)).isEmpty();
    assertThat(first.hasRemaining()).isFalse();
    assertThat(decoder.bufferedBytes()).isEqualTo(5);
    assertThat(decoder.decode(ByteBuffer.wrap(utf8("at\r")))).isEmpty();
    assertThat(decoder.decode(ByteBuffer.wrap(utf8("\n")))).contains("the cat");
    assertThat(decoder.bufferedBytes()).isZero();
  }

  @Test
  void utf8SplitAnywhereDecodes() {
    assertLines("Привет, 世界 🌍\r\nnext\r\n", 8192, BareLf.ACCEPT, "Привет, 世界 🌍", "next");
  }

  @Test
  void lineOfExactlyTheLimitIsAccepted() {
    assertLines("abcd\r\nabcd\nab\r\n", 4, BareLf.ACCEPT, "abcd", "abcd", "ab");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcde\r\n", "abcde\n", "abcdefghijklmnop\r\n", "abcde\r\r\n"})
  void overLongLineFailsFastThenTheNextLineDecodes(String longLine) {
    assertLines(longLine + "ok\r\n", 4, BareLf.ACCEPT,
        "!TooLongFrameException: line length : 5 (limit: 4), input: 61 62 63 64 65", "ok");
  }

  @Test
  void contentOfTheLimitPlusCrIsTooLong() {
    assertLines("abcd\r\r\nok\r\n", 4, BareLf.ACCEPT,
        "!TooLongFrameException: line length : 5 (limit: 4), input: 61 62 63 64 0d", "ok");
  }

  @Test
  void overLongLineIsReportedBeforeItsEnd() {
    LineDecoder decoder = new LineDecoder(4);
    ByteBuffer start = ByteBuffer.wrap(utf8("abcdefgh"));
    assertThatThrownBy(() -> decoder.decode(start))
        .isInstanceOfSatisfying(TooLongFrameException.class, e -> {
          assertThat(e.length()).isEqualTo(5);
          assertThat(e.limit()).isEqualTo(4);
        })
        .hasMessage("line length : 5 (limit: 4), input: 61 62 63 64 65");
    assertThat(decoder.isDiscarding()).isTrue();
    assertThat(decoder.decode(start)).isEmpty();
    assertThat(decoder.decode(ByteBuffer.wrap(utf8("more of it")))).isEmpty();
    assertThat(decoder.decode(ByteBuffer.wrap(utf8(" end\r\nnext\r\n")))).contains("next");
    assertThat(decoder.isDiscarding()).isFalse();
  }

  @Test
  void defaultLimitIs8192() {
    String limit = "x".repeat(8192);
    LineDecoder decoder = new LineDecoder();
    assertThat(decoder.maxLineLength()).isEqualTo(8192);
    ByteBuffer input = ByteBuffer.wrap(utf8(limit + "\r\n" + limit + "y\r\nok\r\n"));
    assertThat(decoder.decode(input)).contains(limit);
    assertThatThrownBy(() -> decoder.decode(input))
        .isInstanceOf(TooLongFrameException.class)
        .hasMessage("line length : 8193 (limit: 8192), input: " + "78 ".repeat(31)
            + "78 …(+8161 bytes)");
    assertThat(decoder.decode(input)).contains("ok");
  }

  @Test
  void failureConsumesOnlyTheBadLine() {
    ByteBuffer input = ByteBuffer.wrap(utf8("abcde\r\nok\r\n"));
    assertThatThrownBy(() -> new LineDecoder(4).decode(input))
        .isInstanceOf(TooLongFrameException.class);
    assertThat(input.position()).isEqualTo(7);
  }

  @Test
  void bareLfCanBeRejected() {
    assertLines("a\nb\r\n\nc\r\n", 8192, BareLf.REJECT,
        "!MalformedFrameException: line terminator : bare LF (expected: CRLF), input: 61", "b",
        "!MalformedFrameException: line terminator : bare LF (expected: CRLF), input: (empty)",
        "c");
  }

  @Test
  void malformedUtf8IsATypedErrorAndTheNextLineDecodes() {
    byte[] input = {'a', (byte) 0xff, 'b', '\r', '\n', 'o', 'k', '\r', '\n'};
    assertLines(input, 8192, BareLf.ACCEPT,
        "!MalformedTextException: line : malformed UTF-8 at byte 1 (expected: UTF-8),"
            + " input: 61 ff 62", "ok");
  }

  @Test
  void bytesAreDeliveredRaw() {
    byte[] input = {'a', (byte) 0xff, '\r', '\n', '\r', 'x', '\n'};
    assertDecodes(input,
        () -> new LineDecoderBytes(new LineDecoder())::decode,
        List.of("61 ff", "0d 78"));
  }

  /** Shows decoded bytes as hex so that results compare as strings. */
  private record LineDecoderBytes(LineDecoder decoder) {
    java.util.Optional<String> decode(ByteBuffer buffer) {
      return decoder.decodeBytes(buffer).map(HexPreview::of);
    }
  }

  @Test
  void resetForgetsThePartialLineAndStopsDiscarding() {
    LineDecoder decoder = new LineDecoder(4);
    assertThat(decoder.decode(ByteBuffer.wrap(utf8("ab")))).isEmpty();
    decoder.reset();
    assertThat(decoder.decode(ByteBuffer.wrap(utf8("cd\r\n")))).contains("cd");
    assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(utf8("abcdef"))))
        .isInstanceOf(TooLongFrameException.class);
    decoder.reset();
    assertThat(decoder.isDiscarding()).isFalse();
    assertThat(decoder.decode(ByteBuffer.wrap(utf8("x\r\n")))).contains("x");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MAX_VALUE})
  void limitMustBePositiveAndFitAnArray(int limit) {
    assertThatThrownBy(() -> new LineDecoder(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLineLength : " + limit + " (expected: 1-2147483631)");
  }

  @Test
  void wordScanFindsTheFirstLfLikeAPlainLoop() {
    Random random = new Random(42);
    byte[] alphabet = {'\n', '\r', 0x0b, 0x09, 0x0a - 0x80, (byte) 0x8a, 0x00, 0x01, 'a', -1};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      assertThat(LineDecoder.indexOfLf(bytes, from, to)).isEqualTo(naiveIndexOfLf(bytes, from, to));
    }
  }

  private static int naiveIndexOfLf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void encoderWritesUtf8AndCrlf() {
    assertThat(LineEncoder.encode("202 processed 42 words"))
        .isEqualTo("202 processed 42 words\r\n".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer out = ByteBuffer.allocate(16);
    LineEncoder.encode("ё", out);
    assertThat(out.position()).isEqualTo(4);
    assertThat(new LineDecoder().decode(out.flip())).contains("ё");
  }

  @Test
  void encoderRefusesLineBreaks() {
    assertThatThrownBy(() -> LineEncoder.encode("a\r\nQUIT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line : \"a\\r\\nQUIT\" (expected: no CR or LF, found one at index 1)");
    assertThatThrownBy(() -> LineEncoder.encode("a\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
