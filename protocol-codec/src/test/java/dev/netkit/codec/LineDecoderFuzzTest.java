package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netkit.codec.LineDecoder.BareLf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

class LineDecoderFuzzTest {

  @FuzzTest
  void anyBytesDecodeAlikeInAnyChunks(FuzzedDataProvider data) {
    int maxLineLength = data.consumeInt(1, 40);
    BareLf bareLf = data.pickValue(BareLf.values());
    int chunkSize = data.consumeInt(1, 16);
    Chunks.Kind kind = data.pickValue(Chunks.Kind.values());
    byte[] input = data.consumeRemainingAsBytes();

    List<String> whole = Chunks.decode(List.of(input), Chunks.Kind.HEAP_SLICE,
        checked(new LineDecoder(maxLineLength, bareLf)));
    List<String> chunked = Chunks.decode(split(input, chunkSize), kind,
        checked(new LineDecoder(maxLineLength, bareLf)));
    assertThat(chunked).isEqualTo(whole);
  }

  @FuzzTest
  void encodedLinesRoundTrip(FuzzedDataProvider data) {
    int chunkSize = data.consumeInt(1, 64);
    List<String> lines = encodableLines(data);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    lines.forEach(line -> wire.writeBytes(LineEncoder.encode(line)));

    List<String> decoded = Chunks.decode(split(wire.toByteArray(), chunkSize),
        Chunks.Kind.HEAP_SLICE, checked(new LineDecoder(8192, BareLf.REJECT)));
    assertThat(decoded).isEqualTo(lines);
  }

  /** Lines without CR, LF or unpaired surrogates (which no encoder may send). */
  static List<String> encodableLines(FuzzedDataProvider data) {
    List<String> lines = new ArrayList<>();
    while (data.remainingBytes() > 0 && lines.size() < 64) {
      String line = data.consumeString(200).replace('\r', ' ').replace('\n', ' ');
      if (line.equals(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Decodes with {@code decoder} and checks what every decoded line must be. */
  private static Function<ByteBuffer, Optional<String>> checked(LineDecoder decoder) {
    return buffer -> decoder.decode(buffer).map(line -> {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(decoder.maxLineLength());
      assertThat(line).doesNotContain("\n");
      assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(decoder.maxLineLength() + 2);
      return line;
    });
  }

  static List<byte[]> split(byte[] input, int chunkSize) {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < input.length; i += chunkSize) {
      chunks.add(Arrays.copyOfRange(input, i, Math.min(input.length, i + chunkSize)));
    }
    return chunks;
  }
}
