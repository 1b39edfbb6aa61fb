package dev.netkit.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The sample text that the tour, the tests and the benchmarks feed to the travesty engine and the
 * wrap servers: Jane Austen's <i>Persuasion</i> (1818), 466,854 bytes of ASCII English in 8,328
 * lines of at most 73 characters, 83,283 words, paragraphs separated by blank lines. It is in the
 * public domain; the file is the one the R package janeaustenr ships (see {@code NOTICE}).
 *
 * <p>Which file is used, first match wins:
 * <ol>
 *   <li>a file the caller names, e.g. from a program's {@code --corpus FILE} option
 *       ({@link #path(Path)});
 *   <li>the file named by the system property {@code -Dnetkit.corpus=FILE} ({@link #PROPERTY});
 *   <li>the bundled text ({@link #bundled()}).
 * </ol>
 * A named file that is missing or unreadable is an error, never a silent fall-back to the bundled
 * text. Nothing is ever downloaded.
 *
 * <p>Thread-safe.
 */
public final class Corpus {

  /** The system property that names another text file to use: {@value}. */
  public static final String PROPERTY = "netkit.corpus";

  /** The file name of the bundled text: {@value}. */
  public static final String BUNDLED_NAME = "persuasion.txt";

  /** The bundled text as a file, once found or copied out of its jar; guarded by the class. */
  private static Path bundledFile;

  private Corpus() {
  }

  /**
   * Returns the text file to use: the file named by {@code -Dnetkit.corpus}, else the bundled
   * text.
   *
   * @return a readable regular file
   * @throws UncheckedIOException if the property names no readable regular file, or the bundled
   *     text cannot be copied out of its jar
   */
  public static Path path() {
    return path(null);
  }

  /**
   * Returns the text file to use: {@code chosen} if given, else the file named by
   * {@code -Dnetkit.corpus}, else the bundled text.
   *
   * @param chosen a file the user named (e.g. with {@code --corpus FILE}), or {@code null}
   * @return a readable regular file
   * @throws UncheckedIOException if {@code chosen} or the property names no readable regular
   *     file (the message names the file and where it was named), or the bundled text cannot be
   *     copied out of its jar
   */
  public static Path path(Path chosen) {
    if (chosen != null) {
      return requireReadable(chosen, chosen.toString());
    }
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isEmpty()) {
      return requireReadable(Path.of(property), "-D" + PROPERTY + "=" + property);
    }
    return bundled();
  }

  /**
   * Reads the text of {@link #path()}.
   *
   * @return the whole text, decoded as UTF-8
   * @throws UncheckedIOException as {@link #path()} does, or if the file cannot be read or is not
   *     UTF-8
   */
  public static String text() {
    try {
      return Files.readString(path(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the bytes of {@link #path()}.
   *
   * @return the whole file
   * @throws UncheckedIOException as {@link #path()} does, or if the file cannot be read
   */
  public static byte[] bytes() {
    try {
      return Files.readAllBytes(path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the bundled text as a file, whatever the system property says. From a class
   * directory that is the resource itself; from a jar it is copied, once per JVM, to
   * {@value #BUNDLED_NAME} in a new directory under {@code java.io.tmpdir} that is deleted when
   * the JVM exits.
   *
   * @return a readable regular file named {@value #BUNDLED_NAME}
   * @throws UncheckedIOException if the resource is missing or cannot be copied
   */
  public static synchronized Path bundled() {
    if (bundledFile == null) {
      URL resource = Corpus.class.getResource(BUNDLED_NAME);
      if (resource == null) {
        throw new UncheckedIOException(new NoSuchFileException(BUNDLED_NAME, null,
            "resource missing next to " + Corpus.class.getName()));
      }
      bundledFile = asFile(resource);
    }
    return bundledFile;
  }

  /**
   * Returns the file behind a resource: the file itself for a {@code file:} URL, else a copy in
   * a new temporary directory (both deleted when the JVM exits).
   *
   * @param resource a {@link #BUNDLED_NAME} resource
   * @return a readable regular file named {@value #BUNDLED_NAME}
   * @throws UncheckedIOException if the resource cannot be read or copied
   */
  static Path asFile(URL resource) {
    Objects.requireNonNull(resource, "resource");
    if ("file".equals(resource.getProtocol())) {
      try {
        return Path.of(resource.toURI());
      } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
        // An unusual file: URL; copying it below still works.
      }
    }
    try (InputStream in = resource.openStream()) {
      Path dir = Files.createTempDirectory("netkit-corpus-");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve(BUNDLED_NAME);
      // Registered after the directory, so deleted before it.
      file.toFile().deleteOnExit();
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + resource + " to a file", e);
    }
  }

  private static Path requireReadable(Path file, String namedBy) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UncheckedIOException("corpus " + namedBy + ": no such readable file",
          new NoSuchFileException(file.toString()));
    }
    return file;
  }
}
