package dev.netkit.unix.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared text corpus: {@code shared/corpus/} in the nearest ancestor that has it. */
public final class Corpus {

  private static final Path RELATIVE = Path.of("shared/corpus/network-programming-part4.txt");

  private Corpus() {
  }

  /**
   * Returns the corpus file, skipping the test if it cannot be found.
   *
   * @return the path of {@code network-programming-part4.txt}
   */
  public static Path path() {
    String configured = System.getProperty("netkit.corpus");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    assumeTrue(false, "the shared corpus (shared/corpus/) is not in any parent directory");
    throw new AssertionError("unreachable");
  }
}
