package dev.netkit.corpus;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

  @TempDir
  Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(Corpus.PROPERTY);
  }

  @Test
  void withoutPropertyTheBundledTextIsUsed() throws IOException {
    Path file = Corpus.path();

    assertThat(file).isEqualTo(Corpus.bundled()).isRegularFile().isReadable();
    assertThat(file.getFileName()).hasToString(Corpus.BUNDLED_NAME);
    assertThat(Corpus.bytes()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void theBundledTextIsPersuasionWhole() {
    String text = Corpus.text();

    assertThat(text).startsWith("Persuasion\n").endsWith("\nFinis\n").contains("Chapter 24");
    assertThat(text.split("[ \t\n]+")).hasSizeGreaterThan(80_000);
    assertThat(text.chars()).allMatch(c -> c == '\n' || c >= ' ' && c < 0x7f);
    assertThat(text.lines()).allMatch(line -> line.length() <= 73);
  }

  @Test
  void thePropertyNamesAnotherFile() throws IOException {
    Path file = Files.writeString(dir.resolve("other.txt"), "alpha beta gamma\n");
    System.setProperty(Corpus.PROPERTY, file.toString());

    assertThat(Corpus.path()).isEqualTo(file);
    assertThat(Corpus.text()).isEqualTo("alpha beta gamma\n");
    assertThat(Corpus.bundled()).isNotEqualTo(file);
  }

  @Test
  void aChosenFileWinsOverTheProperty() throws IOException {
    Path chosen = Files.writeString(dir.resolve("chosen.txt"), "chosen");
    System.setProperty(Corpus.PROPERTY, dir.resolve("missing.txt").toString());

    assertThat(Corpus.path(chosen)).isEqualTo(chosen);
  }

  @Test
  void aMissingNamedFileIsAnErrorNotTheBundledText() {
    Path missing = dir.resolve("missing.txt");
    System.setProperty(Corpus.PROPERTY, missing.toString());

    assertThatThrownBy(Corpus::path).isInstanceOf(UncheckedIOException.class)
        .hasMessage("corpus -Dnetkit.corpus=" + missing + ": no such readable file")
        .hasCauseInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(Corpus::text).hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> Corpus.path(dir))
        .hasMessage("corpus " + dir + ": no such readable file");
  }

  @Test
  void aTextInsideAJarIsCopiedToAFile() throws IOException {
    Path jar = dir.resolve("text.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out)) {
      entries.putNextEntry(new JarEntry("dev/netkit/corpus/" + Corpus.BUNDLED_NAME));
      entries.write("from the jar\n".getBytes(US_ASCII));
    }
    URL resource = URI.create("jar:" + jar.toUri() + "!/dev/netkit/corpus/" + Corpus.BUNDLED_NAME)
        .toURL();

    Path file = Corpus.asFile(resource);

    assertThat(file.getFileName()).hasToString(Corpus.BUNDLED_NAME);
    assertThat(file).hasContent("from the jar");
    assertThat(file.getParent().getFileName().toString()).startsWith("netkit-corpus-");
  }
}
