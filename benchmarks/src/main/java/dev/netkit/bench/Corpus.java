package dev.netkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared seed text ({@code shared/corpus/network-programming-part4.txt}, 213 KB of the book's
 * part 4) as benchmark input. Found through the system property {@code netkit.corpus}, else by
 * looking for {@code shared/corpus/} in the working directory's ancestors.
 */
final class Corpus {

  static final String FILE_NAME = "network-programming-part4.txt";

  private Corpus() {
  }

  /** Reads the corpus text. */
  static String text() {
    try {
      return Files.readString(locate(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The corpus as one CRLF line per text line, UTF-8. */
  static byte[] crlfLines() {
    StringBuilder lines = new StringBuilder();
    text().lines().forEach(line -> lines.append(line).append("\r\n"));
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Cuts {@code bytes} into chunks of {@code size} bytes (the last one shorter), like reads. */
  static List<byte[]> chunks(byte[] bytes, int size) {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += size) {
      chunks.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
    }
    return chunks;
  }

  private static Path locate() {
    String configured = System.getProperty("netkit.corpus");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpus").resolve(FILE_NAME);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find shared/corpus/" + FILE_NAME
        + " above the working directory; set -Dnetkit.corpus=PATH");
  }
}
