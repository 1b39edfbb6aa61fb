package dev.netkit.travesty;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shared English corpus (part 4 of the book) and helpers to compare generated text with it.
 * Found through {@code -Dnetkit.corpus=FILE}, then {@code /work/shared/corpus/…}, then
 * {@code shared/corpus/…} in a parent of the working directory; tests that need it skip when it
 * is missing (it is never downloaded).
 */
public final class Corpus {

  static final String NAME = "network-programming-part4.txt";

  private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

  private Corpus() {
  }

  /** Returns the corpus file, or skips the calling test when it is not there. */
  public static Path path() {
    String property = System.getProperty("netkit.corpus");
    if (property != null) {
      return Path.of(property);
    }
    Path fixed = Path.of("/work/shared/corpus", NAME);
    if (Files.isReadable(fixed)) {
      return fixed;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/corpus").resolve(NAME);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    assumeTrue(false, "corpus " + NAME + " not found (set -Dnetkit.corpus=FILE)");
    return null;
  }

  /** Returns the corpus text, or skips the calling test. */
  public static String text() {
    try {
      return Files.readString(path(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits like the engine: at runs of the six ASCII white-space characters. */
  static List<String> words(String text) {
    return Arrays.stream(WHITE_SPACE.split(text)).filter(w -> !w.isEmpty()).toList();
  }

  /** Every run of {@code n} consecutive words, joined by single spaces. */
  static Set<String> ngrams(List<String> words, int n) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + n <= words.size(); i++) {
      grams.add(String.join(" ", words.subList(i, i + n)));
    }
    return grams;
  }
}
