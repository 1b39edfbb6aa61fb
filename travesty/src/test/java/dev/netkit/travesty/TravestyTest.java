package dev.netkit.travesty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.corpus.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TravestyTest {

  private static Travesty model(int order, long seed) {
    return Travesty.builder().order(order).seed(seed).build();
  }

  /**
   * The corpus plus its first {@code order} words again: the last context then equals an early
   * one, so no context is a dead end and every (order + 1)-gram of the output must be in the text.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void everyGeneratedNgramOccursInTheCorpus(int order) {
    String corpus = Corpus.text();
    List<String> words = new ArrayList<>(Words.split(corpus));
    Travesty travesty = model(order, 42);
    corpus.lines().forEach(travesty::add);
    travesty.add(String.join(" ", words.subList(0, order)));
    words.addAll(words.subList(0, order));
    Set<String> known = Words.ngrams(words, order + 1);

    List<String> generated = Words.split(travesty.generate(50_000));

    assertThat(generated).hasSize(50_000);
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i + order + 1 <= generated.size(); i++) {
      String gram = String.join(" ", generated.subList(i, i + order + 1));
      if (!known.contains(gram)) {
        unknown.add(gram);
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void countsWordsStatesAndDistinctWordsLikeTheBook() {
    Travesty travesty = model(2, 1);
    travesty.add("the cat saw the cat.");

    assertThat(travesty.wordsAnalyzed()).isEqualTo(5);
    assertThat(travesty.uniqueWords()).isEqualTo(4);
    // (-,-) (-,the) (the,cat) (cat,saw) (saw,the) have successors; (the,cat.) is the dead end.
    assertThat(travesty.states()).isEqualTo(5);
  }

  @Test
  void aDeadEndRestartsFromARandomContext() {
    Travesty travesty = model(2, 7);
    travesty.add("a b c");

    List<String> words = Words.split(travesty.generate(3_000));

    assertThat(words).hasSize(3_000).allMatch(w -> Set.of("a", "b", "c").contains(w));
    Map<String, Integer> afterC = new HashMap<>();
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i - 1).equals("c")) {
        afterC.merge(words.get(i), 1, Integer::sum);
      }
    }
    // After the dead end (b, c) each of the three contexts with successors is drawn: 1/3 each.
    int total = afterC.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(afterC.keySet()).containsExactlyInAnyOrder("a", "b", "c");
    afterC.values().forEach(n -> assertThat((double) n / total).isBetween(0.25, 0.42));
  }

  @Test
  void theSameSeedGivesTheSameTextAndAnotherSeedAnother() {
    String corpus = Corpus.text();
    Travesty first = model(2, 99);
    Travesty second = model(2, 99);
    Travesty third = model(2, 100);
    for (Travesty travesty : List.of(first, second, third)) {
      travesty.add(corpus);
    }

    String text = first.generate(2_000);

    assertThat(second.generate(2_000)).isEqualTo(text);
    assertThat(third.generate(2_000)).isNotEqualTo(text);
    assertThat(first.generate(2_000)).as("continues, does not restart").isNotEqualTo(text);
  }

  @Test
  void aGenerationAfterMoreTextContinuesFromTheContextWhereTheLastOneStopped() {
    for (long seed = 0; seed < 20; seed++) {
      Travesty travesty = model(2, seed);
      travesty.add("p q r p q r p q r");
      // Starts from the last context (q, r): no choice anywhere, ends in the context (r, p).
      assertThat(travesty.generate(4)).isEqualTo("p q r p ");
      // New contexts (r, q) and (q, p): the latter sorts among the old ones by its newest word.
      travesty.add("q p");

      assertThat(travesty.generate(1)).as("seed %d", seed).isEqualTo("q ");
    }
  }

  @Test
  void worksPastSixtyFiveThousandDistinctWords() {
    int count = 100_000;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append('w').append(i).append(i % 10 == 9 ? '\n' : ' ');
    }
    Travesty travesty = model(1, 3);
    travesty.add(text);

    assertThat(travesty.uniqueWords()).isEqualTo(count);
    List<String> words = Words.split(travesty.generate(200_000));
    // A single chain: each word is followed by the next one, or (after the last) a restart.
    for (int i = 1; i < words.size(); i++) {
      int previous = Integer.parseInt(words.get(i - 1).substring(1));
      int next = Integer.parseInt(words.get(i).substring(1));
      if (previous != count - 1) {
        assertThat(next).as("after w%d", previous).isEqualTo(previous + 1);
      }
    }
    assertThat(words).contains("w65536", "w99999");
  }

  @Test
  void linesStartingWithBlanksAddNoEmptyWord() {
    Travesty travesty = model(2, 5);
    travesty.add("  indented line");
    travesty.add("\t\ttabbed");
    travesty.add("");
    travesty.add("   ");

    assertThat(travesty.wordsAnalyzed()).isEqualTo(3);
    assertThat(travesty.uniqueWords()).isEqualTo(3);
    assertThat(travesty.generate(500)).doesNotContain("  ").doesNotStartWith(" ");
  }

  @Test
  void theEndOfEachAddIsAWordBoundary() {
    Travesty travesty = model(2, 5);
    travesty.add("foo");
    travesty.add("bar".getBytes(StandardCharsets.US_ASCII), 0, 3);

    assertThat(travesty.uniqueWords()).isEqualTo(2);
    assertThat(travesty.generate(100)).contains("foo bar").doesNotContain("foobar");
  }

  @Test
  void addingLineByLineGivesTheSameModelAsAFile(@TempDir Path dir) throws IOException {
    String corpus = Corpus.text();
    Path file = Files.writeString(dir.resolve("corpus.txt"), corpus);
    Travesty byLine = model(2, 11);
    corpus.lines().forEach(byLine::add);
    Travesty byFile = model(2, 11);
    byFile.addFile(file);
    Travesty byBytes = model(2, 11);
    byte[] bytes = corpus.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        byBytes.add(bytes, from, i - from);
        from = i + 1;
      }
    }
    byBytes.add(bytes, from, bytes.length - from);

    String expected = byFile.generate(5_000);
    for (Travesty travesty : List.of(byLine, byBytes)) {
      assertThat(travesty.generate(5_000)).isEqualTo(expected);
      assertThat(travesty.stats()).isEqualTo(byFile.stats());
    }
  }

  @Test
  void aReaderThatSplitsWordsAndSurrogatePairsGivesTheSameModel() throws IOException {
    String text = "héllo wörld 😀 grüße\nend 😀😀 of text";
    Travesty whole = model(2, 8);
    whole.add(text);
    Travesty trickled = model(2, 8);
    trickled.add(oneCharAtATime(text));
    Travesty streamed = model(2, 8);
    streamed.add(oneByteAtATime(text.getBytes(StandardCharsets.UTF_8)));

    assertThat(whole.uniqueWords()).isEqualTo(8);
    assertThat(trickled.stats()).isEqualTo(whole.stats());
    assertThat(streamed.stats()).isEqualTo(whole.stats());
    String generated = whole.generate(300);
    assertThat(trickled.generate(300)).isEqualTo(generated);
    assertThat(new HashSet<>(Words.split(generated))).isSubsetOf(Words.split(text));
  }

  @Test
  void wordsAreComparedAsUtf8Bytes() {
    Travesty travesty = model(2, 8);
    travesty.add("grüße");
    byte[] utf8 = "grüße".getBytes(StandardCharsets.UTF_8);
    travesty.add(utf8, 0, utf8.length);
    byte[] latin1 = "grüße".getBytes(StandardCharsets.ISO_8859_1);
    travesty.add(latin1, 0, latin1.length);

    assertThat(travesty.uniqueWords()).as("the Latin-1 bytes are another word").isEqualTo(2);
    assertThat(travesty.generate(50)).contains("grüße", "gr\uFFFD\uFFFDe");
  }

  @Test
  void resetForgetsEverything() {
    Travesty travesty = model(2, 2);
    travesty.add("one two three four");
    travesty.generate(10);
    travesty.add("pending text that is not analysed yet");

    travesty.reset();

    assertThat(travesty.isEmpty()).isTrue();
    assertThat(travesty.stats()).isEqualTo(TravestyStats.EMPTY);
    assertThat(travesty.uniqueWords()).isZero();
    assertThatThrownBy(() -> travesty.generate(1))
        .isInstanceOf(IllegalStateException.class).hasMessage("no data analyzed");
    travesty.add("alpha beta");
    assertThat(travesty.uniqueWords()).isEqualTo(2);
    assertThat(Words.split(travesty.generate(100))).allMatch(w -> Set.of("alpha", "beta")
        .contains(w));
  }

  @Test
  void zeroWordsGenerateNothing() {
    Travesty travesty = model(2, 2);
    travesty.add("x y z");

    assertThat(travesty.generate(0)).isEmpty();
    assertThat(travesty.prettyText(0)).isEmpty();
  }

  @Test
  void checksItsArguments() {
    assertThatThrownBy(() -> Travesty.builder().order(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("order : 0 (expected: 1-4)");
    assertThatThrownBy(() -> Travesty.builder().order(5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("order : 5 (expected: 1-4)");
    assertThatThrownBy(() -> Travesty.builder().width(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("width : 0 (expected: >= 1)");
    assertThatThrownBy(() -> Travesty.builder().paragraphIndent("\n"))
        .isInstanceOf(IllegalArgumentException.class);
    Travesty travesty = model(2, 1);
    assertThatThrownBy(() -> travesty.generate(1))
        .isInstanceOf(IllegalStateException.class).hasMessage("no data analyzed");
    travesty.add("x");
    assertThatThrownBy(() -> travesty.generate(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("words : -1 (expected: >= 0)");
    assertThatThrownBy(() -> travesty.add(new byte[2], 1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void defaultsAreTheBooks() {
    Travesty travesty = new Travesty();

    assertThat(travesty.order()).isEqualTo(2);
    assertThat(travesty.width()).isEqualTo(76);
    assertThat(travesty.paragraphIndent()).isEqualTo("\t");
    assertThat(travesty.isEmpty()).isTrue();
  }

  private static Reader oneCharAtATime(String text) {
    return new Reader() {
      private int next;

      @Override
      public int read(char[] buf, int off, int len) {
        if (next == text.length()) {
          return -1;
        }
        buf[off] = text.charAt(next++);
        return 1;
      }

      @Override
      public void close() {
      }
    };
  }

  private static InputStream oneByteAtATime(byte[] bytes) {
    return new InputStream() {
      private int next;

      @Override
      public int read() {
        return next == bytes.length ? -1 : bytes[next++] & 0xFF;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        int b = read();
        if (b < 0) {
          return -1;
        }
        buf[off] = (byte) b;
        return 1;
      }
    };
  }
}
