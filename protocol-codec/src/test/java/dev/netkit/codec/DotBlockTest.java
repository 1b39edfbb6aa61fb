package dev.netkit.codec;

import static dev.netkit.codec.Chunks.assertDecodes;
import static dev.netkit.codec.Chunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DotBlockTest {

  /**
   * A server that reads blocks back to back: "&lt;end&gt;" marks each terminator. Lines after
   * the last terminator stay unread.
   */
  private static Supplier<Function<ByteBuffer, Optional<String>>> blocks(int maxLineLength) {
    return () -> {
      DotBlockDecoder block = new DotBlockDecoder(new LineDecoder(maxLineLength));
      return buffer -> {
        if (block.isComplete()) {
          block.reset();
        }
        Optional<String> line = block.decode(buffer);
        return line.isEmpty() && block.isComplete() ? Optional.of("<end>") : line;
      };
    };
  }

  private static void assertBlocks(String input, String... expected) {
    assertDecodes(utf8(input), blocks(8192), List.of(expected));
  }

  @Test
  void readsLinesUpToTheLoneDot() {
    assertBlocks("the cat\r\nsat\r\n.\r\n", "the cat", "sat", "<end>");
  }

  @Test
  void unstuffsLinesStartingWithTwoDots() {
    assertBlocks("..hidden\r\n..\r\n...\r\n.\r\n", ".hidden", ".", "..", "<end>");
  }

  @Test
  void keepsASingleLeadingDotFromPeersThatDoNotStuff() {
    assertBlocks(".x\r\n. \r\n.\r\n", ".x", ". ", "<end>");
  }

  @Test
  void emptyBlockAndEmptyLines() {
    assertBlocks(".\r\n\r\n\r\n.\r\n", "<end>", "", "", "<end>");
  }

  @Test
  void bareLfDotEndsTheBlockWhenBareLfIsAccepted() {
    assertBlocks("a\n.\nb\r\n.\r\n", "a", "<end>", "b", "<end>");
  }

  @Test
  void stopsAfterTheTerminatorAndLeavesTheRest() {
    DotBlockDecoder block = new DotBlockDecoder(new LineDecoder());
    ByteBuffer input = ByteBuffer.wrap(utf8("x\r\n.\r\nBYE\r\n"));
    assertThat(block.decode(input)).contains("x");
    assertThat(block.isComplete()).isFalse();
    assertThat(block.decode(input)).isEmpty();
    assertThat(block.isComplete()).isTrue();
    assertThat(block.decode(input)).isEmpty();
    assertThat(input.position()).isEqualTo(6);
    block.reset();
    assertThat(block.isComplete()).isFalse();
  }

  @Test
  void sharesTheConnectionsLineDecoder() {
    LineDecoder lines = new LineDecoder();
    ByteBuffer input = ByteBuffer.wrap(utf8("DATA\r\nthe cat\r\n.\r\nBY"));
    assertThat(lines.decode(input)).contains("DATA");
    DotBlockDecoder block = new DotBlockDecoder(lines);
    assertThat(block.decode(input)).contains("the cat");
    assertThat(block.decode(input)).isEmpty();
    assertThat(block.isComplete()).isTrue();
    assertThat(lines.decode(input)).isEmpty();
    assertThat(lines.decode(ByteBuffer.wrap(utf8("E\r\n")))).contains("BYE");
  }

  @Test
  void overLongLineInABlockIsReportedAndTheBlockGoesOn() {
    assertDecodes(utf8("ok\r\nabcdefgh\r\nfine\r\n.\r\n"), blocks(4), List.of("ok",
        "!TooLongFrameException: line length : 5 (limit: 4), input: 61 62 63 64 65", "fine",
        "<end>"));
  }

  @Test
  void encoderStuffsAndTerminates() {
    assertThat(new String(DotBlockEncoder.encode(List.of("the cat", ".hidden", ".", "")),
        StandardCharsets.UTF_8)).isEqualTo("the cat\r\n..hidden\r\n..\r\n\r\n.\r\n");
    assertThat(DotBlockEncoder.encodeLine("..x")).isEqualTo(utf8("...x\r\n"));
    assertThat(DotBlockEncoder.terminator()).isEqualTo(utf8(".\r\n"));
  }

  @Test
  void encoderRefusesLineBreaks() {
    assertThatThrownBy(() -> DotBlockEncoder.encode(List.of("a", ".\r\nQUIT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line : \".\\r\\nQUIT\" (expected: no CR or LF, found one at index 1)");
  }

  @Test
  void encodedBlocksRoundTrip() {
    List<String> lines = List.of(".", "..", "...x", " .", "", "Привет", ".\t", "end.");
    assertDecodes(DotBlockEncoder.encode(lines), blocks(8192),
        List.of(".", "..", "...x", " .", "", "Привет", ".\t", "end.", "<end>"));
  }

  @Test
  void stuffingRules() {
    assertThat(DotStuffing.stuff(".x")).isEqualTo("..x");
    assertThat(DotStuffing.stuff("x.")).isEqualTo("x.");
    assertThat(DotStuffing.unstuff("..x")).isEqualTo(".x");
    assertThat(DotStuffing.unstuff(".x")).isEqualTo(".x");
    assertThat(DotStuffing.isTerminator(".")).isTrue();
    assertThat(DotStuffing.isTerminator(". ")).isFalse();
  }

  @Test
  void stuffingRulesOnBytes() {
    assertThat(DotStuffing.isTerminator(utf8("."))).isTrue();
    assertThat(DotStuffing.isTerminator(utf8(".."))).isFalse();
    assertThat(DotStuffing.isTerminator(utf8(". "))).isFalse();
    assertThat(DotStuffing.isTerminator(new byte[0])).isFalse();
    assertThat(DotStuffing.contentOffset(utf8("..x"))).isEqualTo(1);
    assertThat(DotStuffing.contentOffset(utf8(".."))).isEqualTo(1);
    assertThat(DotStuffing.contentOffset(utf8(".x"))).isZero();
    assertThat(DotStuffing.contentOffset(utf8("x"))).isZero();
    assertThat(DotStuffing.contentOffset(new byte[0])).isZero();
    assertThat(DotStuffing.contentOffset(new byte[] {(byte) 0xe9, '.'})).isZero();
    assertThat(DotStuffing.stuff(utf8(".x"))).isEqualTo(utf8("..x"));
    assertThat(DotStuffing.stuff(utf8("x."))).isEqualTo(utf8("x."));
    assertThat(DotStuffing.stuff(new byte[0])).isEmpty();
    assertThat(DotStuffing.stuff(utf8("a.b"), 1, 2)).isEqualTo(utf8("..b"));
    assertThat(DotStuffing.unstuff(utf8("..x"))).isEqualTo(utf8(".x"));
    assertThat(DotStuffing.unstuff(utf8(".x"))).isEqualTo(utf8(".x"));
    assertThat(DotStuffing.unstuff(utf8(".."))).isEqualTo(utf8("."));
  }

  @Test
  void textAndByteRulesAgree() {
    for (String line : List.of("", ".", "..", "...", ".x", "..x", "x", "x.", " .", "\u00e9.")) {
      assertThat(DotStuffing.stuff(utf8(line))).as(line).isEqualTo(utf8(DotStuffing.stuff(line)));
      assertThat(DotStuffing.isTerminator(utf8(line))).as(line)
          .isEqualTo(DotStuffing.isTerminator(line));
      if (!DotStuffing.isTerminator(line)) {
        assertThat(DotStuffing.unstuff(utf8(line))).as(line)
            .isEqualTo(utf8(DotStuffing.unstuff(line)));
      }
    }
  }

  @Test
  void encoderStuffsByteLinesAsTheyAre() {
    byte[] latin1 = {'.', (byte) 0xe9, 't', (byte) 0xe9};
    assertThat(DotBlockEncoder.encodeLine(latin1))
        .isEqualTo(new byte[] {'.', '.', (byte) 0xe9, 't', (byte) 0xe9, '\r', '\n'});
    assertThat(DotBlockEncoder.encodeLine(new byte[0])).isEqualTo(utf8("\r\n"));
    assertThatThrownBy(() -> DotBlockEncoder.encodeLine(utf8("a\rb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line : 61 0d 62 (expected: no CR or LF, found one at index 1)");
  }

  @Test
  void decodesByteLinesWithoutCheckingUtf8() {
    DotBlockDecoder block = new DotBlockDecoder(new LineDecoder());
    ByteBuffer input = ByteBuffer.wrap(new byte[] {
        '.', '.', (byte) 0xe9, '\r', '\n', 'x', '\r', '\n', '.', '\r', '\n', 'B'});
    assertThat(block.decodeBytes(input)).hasValueSatisfying(
        line -> assertThat(line).isEqualTo(new byte[] {'.', (byte) 0xe9}));
    assertThat(block.decodeBytes(input)).hasValueSatisfying(
        line -> assertThat(line).isEqualTo(utf8("x")));
    assertThat(block.decodeBytes(input)).isEmpty();
    assertThat(block.isComplete()).isTrue();
    assertThat(block.decodeBytes(input)).isEmpty();
    assertThat(input.remaining()).isEqualTo(1);
  }
}
