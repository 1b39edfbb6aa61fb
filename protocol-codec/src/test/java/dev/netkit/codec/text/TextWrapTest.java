package dev.netkit.codec.text;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.codec.text.TextWrap.Placement;
import dev.netkit.testsupport.PerlTextWrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextWrapTest {

  @TempDir
  Path temp;

  @Test
  void linesHoldColumnsMinusOne() {
    TextWrap wrap = TextWrap.unindented(10);
    assertThat(wrap.place(4)).isEqualTo(Placement.PARAGRAPH_START);
    assertThat(wrap.place(4)).as("4 + 1 + 4 = 9 fits").isEqualTo(Placement.SAME_LINE);
    assertThat(wrap.place(0)).as("9 + 1 = 10 does not").isEqualTo(Placement.NEW_LINE);
    assertThat(layout(TextWrap.unindented(10), List.of(List.of("abcd", "efgh", "ij"))))
        .isEqualTo("abcd efgh\nij\n");
  }

  @Test
  void aTooWideWordOverflowsALineOfItsOwn() {
    assertThat(layout(TextWrap.unindented(5), List.of(List.of("a", "bcdefgh", "i", "j"))))
        .isEqualTo("a\nbcdefgh\ni j\n");
  }

  @Test
  void indentsCountAndParagraphsAreSeparatedAsFillDoes() {
    TextWrap pretty = new TextWrap(12, "\t", "");
    assertThat(pretty.paragraphSeparator()).isEqualTo("\n");
    assertThat(layout(pretty, List.of(List.of("the", "cat", "sat."), List.of("on", "it."))))
        .isEqualTo("\tthe\ncat sat.\n\ton\nit.\n");
    TextWrap quoted = new TextWrap(8, "> ", "> ");
    assertThat(quoted.paragraphSeparator()).isEqualTo("\n\n");
    assertThat(layout(quoted, List.of(List.of("ab", "cd", "ef"), List.of("gh"))))
        .isEqualTo("> ab cd\n> ef\n\n> gh\n");
  }

  @Test
  void tabsInIndentsGoToTheNextStop() {
    assertThat(TextWrap.columns("\tab")).isEqualTo(10);
    assertThat(TextWrap.columns("ab\tc")).isEqualTo(9);
    assertThat(TextWrap.columns("abcdefgh\t")).isEqualTo(16);
    assertThat(TextWrap.columns("")).isZero();
  }

  @Test
  void paragraphState() {
    TextWrap wrap = TextWrap.unindented(30);
    assertThat(wrap.atParagraphStart()).isTrue();
    wrap.place(3);
    assertThat(wrap.atParagraphStart()).isFalse();
    wrap.endParagraph();
    assertThat(wrap.atParagraphStart()).isTrue();
    assertThat(wrap.place(3)).isEqualTo(Placement.PARAGRAPH_START);
  }

  @Test
  void argumentChecks() {
    assertThatThrownBy(() -> TextWrap.unindented(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("columns : 1 (expected: >= 2)");
    assertThatThrownBy(() -> new TextWrap(10, "\n", "")).isInstanceOf(
        IllegalArgumentException.class)
        .hasMessage("paragraphIndent : line break in the indent (expected: none)");
    assertThatThrownBy(() -> TextWrap.unindented(10).place(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wordColumns : -1 (expected: >= 0)");
  }

  /** Both users' settings (the wrap server's and travesty's) and two more, against Perl. */
  @Test
  void matchesPerlTextWrapFillForEveryIndentStyle() throws Exception {
    assumeTrue(PerlTextWrap.available(), "perl with Text::Wrap is not installed");
    String[][] indents = {{"", ""}, {"\t", ""}, {"> ", "> "}, {"\t", "  "}};
    String[] words = {"a", "bb", "ccc", "word", "x.", "(y)", "longerword", "supercalifragilistic"};
    Random random = new Random(13);
    List<PerlTextWrap.Case> cases = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      String[] indent = indents[i % indents.length];
      int minColumns = Math.max(TextWrap.columns(indent[1]) + 2, TextWrap.MIN_COLUMNS);
      int columns = minColumns + random.nextInt(40);
      List<List<String>> paragraphs = new ArrayList<>();
      for (int p = 1 + random.nextInt(3); p > 0; p--) {
        List<String> paragraph = new ArrayList<>();
        for (int w = 1 + random.nextInt(25); w > 0; w--) {
          paragraph.add(words[random.nextInt(words.length)]);
        }
        paragraphs.add(paragraph);
      }
      StringBuilder text = new StringBuilder();
      for (List<String> paragraph : paragraphs) {
        text.append(text.length() == 0 ? "" : "\n\n").append(String.join(" ", paragraph));
      }
      cases.add(new PerlTextWrap.Case(columns, indent[0], indent[1], PerlTextWrap.Input.TEXT,
          text.toString().getBytes(US_ASCII)));
      expected.add(layout(new TextWrap(columns, indent[0], indent[1]), paragraphs));
    }

    List<byte[]> perl = PerlTextWrap.fill(cases, temp);

    for (int i = 0; i < cases.size(); i++) {
      PerlTextWrap.Case c = cases.get(i);
      assertThat(expected.get(i))
          .as("columns %d, indents [%s] [%s], text [%s]", c.columns(), c.paragraphIndent(),
              c.lineIndent(), new String(c.text(), US_ASCII))
          .isEqualTo(new String(perl.get(i), US_ASCII));
    }
  }

  /** Lays paragraphs of words out as text the way fill joins them, with a final newline. */
  private static String layout(TextWrap wrap, List<List<String>> paragraphs) {
    StringBuilder out = new StringBuilder();
    for (List<String> paragraph : paragraphs) {
      for (String word : paragraph) {
        switch (wrap.place(word.length())) {
          case PARAGRAPH_START -> out.append(out.length() == 0 ? "" : wrap.paragraphSeparator())
              .append(wrap.paragraphIndent());
          case SAME_LINE -> out.append(' ');
          case NEW_LINE -> out.append('\n').append(wrap.lineIndent());
          default -> throw new AssertionError();
        }
        out.append(word);
      }
      wrap.endParagraph();
    }
    return out.append('\n').toString();
  }
}
