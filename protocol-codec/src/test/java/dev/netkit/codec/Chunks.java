package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Feeds a decoder the same input in every way a stream can deliver it: whole, split in two at
 * every byte position, and one byte at a time; each in a heap buffer that is a slice of a larger
 * array, in a direct buffer and in a read-only buffer. Results (decoded values and the decoder's
 * own errors, after which feeding continues) must be the same for all of them.
 */
final class Chunks {

  /** How chunks are handed to the decoder. */
  enum Kind {
    HEAP_SLICE, DIRECT, READ_ONLY;

    ByteBuffer wrap(byte[] chunk) {
      return switch (this) {
        case HEAP_SLICE -> {
          byte[] padded = new byte[chunk.length + 6];
          Arrays.fill(padded, (byte) '\n');
          System.arraycopy(chunk, 0, padded, 3, chunk.length);
          yield ByteBuffer.wrap(padded, 3, chunk.length).slice();
        }
        case DIRECT -> ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
        case READ_ONLY -> ByteBuffer.wrap(chunk).asReadOnlyBuffer();
      };
    }
  }

  private Chunks() {
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Every way to cut {@code input}: whole, in two at each position, and byte by byte. */
  static Stream<List<byte[]>> cuts(byte[] input) {
    Stream<List<byte[]>> whole = Stream.of(List.of(input));
    Stream<List<byte[]>> halves = IntStream.range(1, input.length).mapToObj(
        i -> List.of(Arrays.copyOfRange(input, 0, i), Arrays.copyOfRange(input, i, input.length)));
    Stream<List<byte[]>> bytes = Stream.of(IntStream.range(0, input.length)
        .mapToObj(i -> new byte[] {input[i]}).toList());
    return Stream.of(whole, halves, bytes).flatMap(s -> s);
  }

  /**
   * Decodes {@code chunks} with {@code step}, which returns empty when it needs more input.
   * Errors are recorded as {@code !SimpleName: message}.
   */
  static <T> List<String> decode(List<byte[]> chunks, Kind kind,
      Function<ByteBuffer, Optional<T>> step) {
    List<String> results = new ArrayList<>();
    for (byte[] chunk : chunks) {
      ByteBuffer buffer = kind.wrap(chunk);
      for (int steps = 0; ; steps++) {
        assertThat(steps).as("decoder makes progress").isLessThan(chunk.length + 2);
        try {
          Optional<T> value = step.apply(buffer);
          if (value.isEmpty()) {
            assertThat(buffer.hasRemaining()).as("an empty result consumed everything").isFalse();
            break;
          }
          results.add(String.valueOf(value.get()));
        } catch (ProtocolException e) {
          results.add("!" + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
    }
    return results;
  }

  /**
   * Asserts that every cut of {@code input}, in every buffer kind, decodes to {@code expected},
   * using a fresh decoder from {@code newStep} each time.
   */
  static <T> void assertDecodes(byte[] input,
      java.util.function.Supplier<Function<ByteBuffer, Optional<T>>> newStep,
      List<String> expected) {
    for (Kind kind : Kind.values()) {
      cuts(input).forEach(chunks -> assertThat(decode(chunks, kind, newStep.get()))
          .as("%s in %d chunks of sizes %s", kind, chunks.size(),
              chunks.stream().map(c -> c.length).toList())
          .containsExactlyElementsOf(expected));
    }
  }
}
