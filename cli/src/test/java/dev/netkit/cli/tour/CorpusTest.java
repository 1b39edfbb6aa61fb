package dev.netkit.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
  void propertyNamesTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("text.txt"), "some words");
    System.setProperty(Corpus.PROPERTY, file.toString());

    assertThat(Corpus.find()).contains(file);
  }

  @Test
  void propertyNamingNoFileFindsNothingAndSaysSo() {
    Path missing = dir.resolve("missing.txt");
    System.setProperty(Corpus.PROPERTY, missing.toString());

    assertThat(Corpus.find()).isEmpty();
    assertThat(Corpus.notFound()).isEqualTo(Corpus.PROPERTY + "=" + missing + ": no such file");
  }

  @Test
  void withoutPropertyTheBundledCorpusAboveTheRepositoryIsFound() {
    assertThat(Corpus.find()).hasValueSatisfying(path -> {
      assertThat(path).endsWith(Corpus.RELATIVE);
      assertThat(path).isRegularFile();
    });
  }
}
