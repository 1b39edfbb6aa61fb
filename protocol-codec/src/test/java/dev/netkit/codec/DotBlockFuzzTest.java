package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netkit.codec.LineDecoder.BareLf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

class DotBlockFuzzTest {

  @FuzzTest
  void anyBytesDecodeAlikeInAnyChunks(FuzzedDataProvider data) {
    int maxLineLength = data.consumeInt(1, 40);
    int chunkSize = data.consumeInt(1, 16);
    Chunks.Kind kind = data.pickValue(Chunks.Kind.values());
    byte[] input = data.consumeRemainingAsBytes();

    List<String> whole = Chunks.decode(List.of(input), Chunks.Kind.HEAP_SLICE,
        blocks(maxLineLength));
    List<String> chunked = Chunks.decode(LineDecoderFuzzTest.split(input, chunkSize), kind,
        blocks(maxLineLength));
    assertThat(chunked).isEqualTo(whole);
  }

  @FuzzTest
  void encodedBlocksRoundTrip(FuzzedDataProvider data) {
    int chunkSize = data.consumeInt(1, 64);
    List<String> lines = LineDecoderFuzzTest.encodableLines(data);
    byte[] wire = DotBlockEncoder.encode(lines);

    List<String> expected = new ArrayList<>(lines);
    expected.add("<end>");
    assertThat(Chunks.decode(LineDecoderFuzzTest.split(wire, chunkSize), Chunks.Kind.HEAP_SLICE,
        blocks(8192))).isEqualTo(expected);
  }

  /** Blocks back to back, each terminator shown as {@code <end>}. */
  private static Function<ByteBuffer, Optional<String>> blocks(int maxLineLength) {
    DotBlockDecoder block = new DotBlockDecoder(new LineDecoder(maxLineLength, BareLf.ACCEPT));
    return buffer -> {
      if (block.isComplete()) {
        block.reset();
      }
      Optional<String> line = block.decode(buffer);
      return line.isEmpty() && block.isComplete() ? Optional.of("<end>") : line;
    };
  }
}
