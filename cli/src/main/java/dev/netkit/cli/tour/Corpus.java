package dev.netkit.cli.tour;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the bundled seed text, {@code shared/corpus/network-programming-part4.txt}, which sits
 * next to the repository ({@code ../shared/corpus/…}): looked for in every ancestor of the
 * working directory and of the launcher's jar. The system property {@code netkit.corpus} names
 * another file.
 */
final class Corpus {

  /** The system property that names the corpus file. */
  static final String PROPERTY = "netkit.corpus";

  /** Where the corpus sits relative to a directory above the repository. */
  static final Path RELATIVE = Path.of("shared", "corpus", "network-programming-part4.txt");

  private static final int MAX_LEVELS = 6;

  private Corpus() {
  }

  /**
   * Looks for the corpus.
   *
   * @return the file, or empty when it is nowhere to be found
   */
  static Optional<Path> find() {
    String property = System.getProperty(PROPERTY);
    if (property != null) {
      return Optional.of(Path.of(property)).filter(Files::isRegularFile);
    }
    return candidates().stream().filter(Files::isRegularFile).findFirst();
  }

  /**
   * Describes where the corpus was looked for, for the reason of a skipped step.
   *
   * @return e.g. {@code ../shared/corpus/network-programming-part4.txt not found above /home/x}
   */
  static String notFound() {
    String property = System.getProperty(PROPERTY);
    if (property != null) {
      return PROPERTY + "=" + property + ": no such file";
    }
    return "../" + RELATIVE + " not found above " + Path.of("").toAbsolutePath()
        + " (set -D" + PROPERTY + "=FILE)";
  }

  private static List<Path> candidates() {
    Set<Path> starts = new LinkedHashSet<>();
    starts.add(Path.of("").toAbsolutePath());
    codeLocation().ifPresent(starts::add);
    List<Path> candidates = new ArrayList<>();
    for (Path start : starts) {
      Path dir = start;
      for (int level = 0; level < MAX_LEVELS && dir != null; level++, dir = dir.getParent()) {
        candidates.add(dir.resolve(RELATIVE));
      }
    }
    return candidates;
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
