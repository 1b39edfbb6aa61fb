package dev.netkit.unix.wrap;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.corpus.Corpus;
import dev.netkit.testsupport.PerlTextWrap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFillerTest {

  @TempDir
  Path temp;

  @Test
  void refillsAParagraphToTwentyNineCharactersAtThirtyColumns() throws IOException {
    String text = "In previous chapters we have focused on TCP/IP sockets,\n"
        + "which were designed to allow processes on different hosts to communicate.\n";

    assertThat(fill(30, text)).isEqualTo(
        "In previous chapters we have\n"
        + "focused on TCP/IP sockets,\n"
        + "which were designed to allow\n"
        + "processes on different hosts\n"
        + "to communicate.\n");
  }

  @Test
  void blankLinesAndIndentedLinesStartParagraphs() throws IOException {
    assertThat(fill(30, "one two\nthree\n\n\nfour\n   five six\n"))
        .isEqualTo("one two three\n\nfour\n\nfive six\n");
  }

  @Test
  void aWordWiderThanTheLineGetsALineOfItsOwnAndIsNotBroken() throws IOException {
    assertThat(fill(10, "a bcdefghijklmn o p"))
        .isEqualTo("a\nbcdefghijklmn\no p\n");
  }

  @Test
  void keepsFillsLeadingAndTrailingSpaces() throws IOException {
    assertThat(fill(10, " foo bar \n")).isEqualTo(" foo bar \n");
    assertThat(fill(10, "x  \n\ny")).isEqualTo("x \n\ny\n");
    assertThat(fill(10, "\n\nfoo")).isEqualTo("\n\nfoo\n");
  }

  @Test
  void inputWithoutWordsGivesNoOutput() throws IOException {
    assertThat(fill(30, "")).isEmpty();
    assertThat(fill(30, " \n\t\n\n ")).isEmpty();
  }

  @Test
  void countsUtf8CharactersNotBytes() throws IOException {
    assertThat(fill(8, "ééé ààà ùùù")).isEqualTo("ééé ààà\nùùù\n");
  }

  @Test
  void givesTheSameOutputHoweverTheInputIsSplit() throws IOException {
    byte[] text = "  Lead in.\n\nThe  quick\tbrown fox\r\njumps over\n  the lazy dog.\n\n\n"
        .getBytes(UTF_8);
    String whole = fill(12, text, text.length);
    for (int chunk = 1; chunk < text.length; chunk++) {
      assertThat(fill(12, text, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
    }
    for (int split = 1; split < text.length; split++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TextFiller filler = new TextFiller(12, 100, out);
      filler.write(ByteBuffer.wrap(text, 0, split));
      filler.write(ByteBuffer.wrap(text, split, text.length - split));
      filler.finish();
      assertThat(out.toString(UTF_8)).as("split at %d", split).isEqualTo(whole);
    }
  }

  @Test
  void aTooLongWordFailsWithTheLimitInTheMessageAndEndsTheFiller() throws IOException {
    TextFiller filler = new TextFiller(30, 4, new ByteArrayOutputStream());
    filler.write(ByteBuffer.wrap("ok abcd".getBytes(UTF_8)));

    assertThatThrownBy(() -> filler.write(ByteBuffer.wrap("e".getBytes(UTF_8))))
        .isInstanceOf(WordTooLongException.class)
        .hasMessage("word length : 5 bytes (limit: 4), input: 61 62 63 64");
    assertThatThrownBy(filler::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsWidthsTextWrapCannotUse() {
    assertThatThrownBy(() -> new TextFiller(1, 10, OutputStream.nullOutputStream()))
        .hasMessage("columns : 1 (expected: 2 to 10000)");
    assertThatThrownBy(() -> new TextFiller(30, 0, OutputStream.nullOutputStream()))
        .hasMessage("maxWordBytes : 0 (expected: > 0)");
  }

  @Test
  void streamsAnyAmountOfTextThroughABoundedWordBuffer() throws IOException {
    byte[] block = "lorem ipsum dolor sit amet consectetur\n".getBytes(UTF_8);
    long[] lines = {0};
    int[] longest = {0};
    OutputStream counter = new OutputStream() {
      private int width;

      @Override
      public void write(int b) {
        if (b == '\n') {
          lines[0]++;
          longest[0] = Math.max(longest[0], width);
          width = 0;
        } else {
          width++;
        }
      }
    };
    TextFiller filler = new TextFiller(30, 16, counter);
    ByteBuffer buffer = ByteBuffer.wrap(block);
    for (int i = 0; i < 500_000; i++) {
      filler.write(buffer.rewind());
    }
    filler.finish();

    assertThat(longest[0]).isEqualTo(29);
    assertThat(lines[0]).isGreaterThan(500_000L * block.length / 30);
  }

  @Test
  void matchesPerlTextWrapFillOnRandomTextAndTheCorpus() throws Exception {
    assumeTrue(PerlTextWrap.available(), "perl with Text::Wrap is not installed");
    List<PerlTextWrap.Case> cases = new ArrayList<>();
    Random random = new Random(8);
    String[] pieces = {"a", "bb", "word", "longerword", "x.", "(y)", "supercalifragilistic",
        " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\n  ", " \n", "\r\n", "\f", "\u000B"};
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(40);
      for (int j = 0; j < count; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      cases.add(bookWrap(2 + random.nextInt(25), text.toString().getBytes(UTF_8)));
    }
    byte[] corpus = asciiOnly(Files.readAllBytes(Corpus.path()));
    for (int columns : new int[] {2, 10, 30, 76}) {
      cases.add(bookWrap(columns, corpus));
    }

    List<byte[]> expected = PerlTextWrap.fill(cases, temp);

    for (int i = 0; i < cases.size(); i++) {
      PerlTextWrap.Case c = cases.get(i);
      assertThat(fill(c.columns(), c.text(), 4096))
          .as("columns %d, input [%s]", c.columns(), new String(c.text(), ISO_8859_1))
          .isEqualTo(new String(expected.get(i), UTF_8));
    }
  }

  /** The book's wrap server: {@code fill('', '', @lines)} on the chomped lines. */
  private static PerlTextWrap.Case bookWrap(int columns, byte[] text) {
    return new PerlTextWrap.Case(columns, "", "", PerlTextWrap.Input.LINES, text);
  }

  private static byte[] asciiOnly(byte[] bytes) {
    byte[] copy = Arrays.copyOf(bytes, bytes.length);
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] < 0) {
        copy[i] = '?';
      }
    }
    return copy;
  }

  private static String fill(int columns, String text) throws IOException {
    byte[] bytes = text.getBytes(UTF_8);
    return fill(columns, bytes, Math.max(1, bytes.length));
  }

  private static String fill(int columns, byte[] text, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TextFiller filler = new TextFiller(columns, TextFiller.DEFAULT_MAX_WORD_BYTES, out);
    for (int offset = 0; offset < text.length; offset += chunk) {
      filler.write(ByteBuffer.wrap(text, offset, Math.min(chunk, text.length - offset)));
    }
    filler.finish();
    return out.toString(UTF_8);
  }
}
