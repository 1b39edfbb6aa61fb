package dev.netkit.travesty;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.codec.text.TextWrap;
import dev.netkit.corpus.Corpus;
import dev.netkit.testsupport.PerlTextWrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw and pretty text: separators, paragraph breaks, wrapping and indents. */
class TravestyFormatTest {

  @TempDir
  Path temp;

  private static final Pattern BREAK = Pattern.compile("\n\n");

  /** Ten sentences of ten words; every tenth word ends a sentence. */
  private static String sentences() {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 10; s++) {
      for (int w = 0; w < 10; w++) {
        text.append("word").append(s).append('_').append(w).append(w == 9 ? ". " : " ");
      }
    }
    return text.toString();
  }

  @Test
  void rawTextSeparatesWordsBySpacesAndParagraphsByTwoLineFeeds() {
    Travesty travesty = Travesty.builder().seed(4).build();
    travesty.add("one two three. four five six. seven");

    String text = travesty.generate(5_000);

    assertThat(text).doesNotContain("  ").doesNotContain("\n\n\n").doesNotContain(" \n")
        .doesNotContain("\n ").doesNotStartWith(" ").doesNotStartWith("\n");
    assertThat(text.endsWith(" ") || text.endsWith(".\n\n")).isTrue();
    assertThat(text.split("\n\n", -1)).allSatisfy(part -> assertThat(part).doesNotContain("\n"));
    assertThat(BREAK.matcher(text).results().count()).isPositive();
    // A break only ever follows a word that ends in a full stop.
    assertThat(text).doesNotContainPattern("[^.]\\n\\n");
  }

  /**
   * One word in ten ends in a full stop, and a break follows it with probability 0.1: over
   * 100,000 words the expected 1,000 breaks have a standard deviation of about 30 (binomial
   * 10,000 × 0.1 × 0.9), so [850, 1150] is a five-sigma band.
   */
  @Test
  void aParagraphBreakFollowsOneFullStopInTen() {
    Travesty travesty = Travesty.builder().seed(12).build();
    travesty.add(sentences());

    String text = travesty.generate(100_000);

    long stops = Words.split(text).stream().filter(w -> w.endsWith(".")).count();
    long breaks = BREAK.matcher(text).results().count();
    assertThat(stops).isBetween(9_000L, 11_000L);
    assertThat(breaks).isBetween(850L, 1_150L);
  }

  @Test
  void prettyTextWrapsAtTheWidthAndIndentsParagraphs() {
    int width = 40;
    Travesty travesty = Travesty.builder().seed(21).width(width).build();
    travesty.add(Corpus.text());

    String pretty = travesty.prettyText(20_000);

    assertThat(pretty).endsWith("\n").doesNotContain("\n\n");
    List<String> lines = pretty.lines().toList();
    for (String line : lines) {
      int columns = TextWrap.columns(line);
      if (columns > width) {
        assertThat(line.strip()).as("a wide line holds one word").doesNotContain(" ");
      }
      assertThat(line).doesNotEndWith(" ").doesNotContain("  ");
      assertThat(line.startsWith("\t") || !line.startsWith(" ") && !line.isEmpty()).isTrue();
    }
    assertThat(lines.stream().mapToInt(TextWrap::columns).max().orElse(0))
        .as("lines are filled").isGreaterThan(width - 10);
  }

  @Test
  void prettyTextHasTheWordsAndParagraphsOfRawTextWithTheSameSeed() {
    Travesty raw = Travesty.builder().seed(33).build();
    Travesty pretty = Travesty.builder().seed(33).build();
    raw.add(sentences());
    pretty.add(sentences());

    String rawText = raw.generate(30_000);
    String prettyText = pretty.prettyText(30_000);

    assertThat(Words.split(prettyText)).isEqualTo(Words.split(rawText));
    long paragraphs = prettyText.lines().filter(line -> line.startsWith("\t")).count();
    long breaks = BREAK.matcher(rawText).results().count();
    // Every paragraph starts with the indent; a break after the last word opens no paragraph.
    assertThat(paragraphs).isEqualTo(breaks + (rawText.endsWith("\n\n") ? 0 : 1));
    assertThat(prettyText).startsWith("\t");
  }

  @Test
  void theIndentIsConfigurableAndCountsTabsToTheNextStop() {
    Travesty travesty = Travesty.builder().seed(3).width(30).paragraphIndent("    ").build();
    travesty.add(sentences());

    String pretty = travesty.prettyText(3_000);

    assertThat(pretty).startsWith("    word").doesNotContain("\t");
    assertThat(pretty.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
  }

  /**
   * Pretty text is the book's {@code pretty_text}: Perl's {@code fill("\t", '', $raw) . "\n"} of
   * the raw text of the same walk, with {@code $columns} one more than the width (Text::Wrap keeps
   * its last column free), and without the space the raw text leaves after its last word.
   */
  @Test
  void prettyTextIsPerlsFillOfTheRawTextWithColumnsOneMoreThanTheWidth() throws Exception {
    assumeTrue(PerlTextWrap.available(), "perl with Text::Wrap is not installed");
    String corpus = asciiOnly(Corpus.text());
    List<PerlTextWrap.Case> cases = new ArrayList<>();
    List<String> pretty = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    for (int width : new int[] {9, 10, 30, 75, Travesty.DEFAULT_WIDTH}) {
      for (int seed = 1; seed <= 3; seed++) {
        Travesty rawModel = Travesty.builder().seed(seed).width(width).build();
        Travesty prettyModel = Travesty.builder().seed(seed).width(width).build();
        rawModel.add(corpus);
        prettyModel.add(corpus);
        raw.add(rawModel.generate(4_000));
        pretty.add(prettyModel.prettyText(4_000));
        cases.add(new PerlTextWrap.Case(width + 1, Travesty.DEFAULT_PARAGRAPH_INDENT, "",
            PerlTextWrap.Input.TEXT, raw.get(raw.size() - 1).getBytes(US_ASCII)));
      }
    }

    List<byte[]> perl = PerlTextWrap.fill(cases, temp);

    for (int i = 0; i < cases.size(); i++) {
      String expected = new String(perl.get(i), US_ASCII);
      if (raw.get(i).endsWith(" ")) {
        assertThat(expected).endsWith(" \n");
        expected = expected.substring(0, expected.length() - 2) + "\n";
      }
      assertThat(pretty.get(i)).as("case %d, $columns %d", i, cases.get(i).columns())
          .isEqualTo(expected);
    }
  }

  private static String asciiOnly(String text) {
    StringBuilder ascii = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      ascii.append(c > '~' ? '?' : c < ' ' && c != '\n' && c != '\t' ? ' ' : c);
    }
    return ascii.toString();
  }

  @Test
  void aWordWiderThanTheLineGetsALineOfItsOwn() {
    String longWord = "x".repeat(50);
    Travesty travesty = Travesty.builder().seed(3).width(20).paragraphIndent("").build();
    travesty.add("a b " + longWord + " c d");

    String pretty = travesty.prettyText(200);

    assertThat(pretty.lines()).allSatisfy(line -> assertThat(
        line.length() <= 20 || line.equals(longWord)).as(line).isTrue());
    assertThat(pretty).contains("\n" + longWord + "\n");
  }

  @Test
  void aWordLongerThanAChunkIsWrittenWhole() {
    String longWord = "y".repeat(3 * RawTextFormatter.CHUNK + 5);
    Travesty travesty = Travesty.builder().seed(3).build();
    travesty.add("a " + longWord + " b");

    List<String> words = Words.split(travesty.generate(20));

    assertThat(words).hasSize(20).allMatch(w -> w.equals("a") || w.equals("b")
        || w.equals(longWord));
    assertThat(words).contains(longWord);
  }
}
