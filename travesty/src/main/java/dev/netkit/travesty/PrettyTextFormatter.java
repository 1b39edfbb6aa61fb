package dev.netkit.travesty;

import dev.netkit.codec.text.TextWrap;
import java.io.IOException;
import java.util.Arrays;

/**
 * Wraps a walk into lines like the book's {@code pretty_text} ({@code fill("\t", "", $text)}),
 * through the one {@code Text::Wrap} layout, {@link TextWrap}: words separated by one space,
 * greedy wrapping to at most {@code width} columns, and the first line of every paragraph, the
 * first one included, starts with the paragraph indent; paragraphs follow each other without
 * blank lines (the indents differ). A line is wider than {@code width} only when it holds a
 * single word (after its indent) that does not fit. {@code width} is {@code Text::Wrap}'s
 * {@code $columns - 1}: a model of width 76 wraps like {@code fill} with {@code $columns = 77}.
 * The one difference from {@code fill}: the text never ends with the space the book's
 * {@code generate} leaves after its last word.
 *
 * <p>Columns count characters ({@code char}s); a tab in the indent advances to the next multiple
 * of 8.
 */
final class PrettyTextFormatter {

  private static final char[] SPACE = {' '};

  private final int columns;
  private final char[] indent;
  private final String paragraphIndent;
  private char[] line;

  /**
   * Creates a formatter.
   *
   * @param width the maximum line width in columns, at least 1
   * @param indent the paragraph indent, without line breaks
   */
  PrettyTextFormatter(int width, String indent) {
    // Text::Wrap's $columns; a width of Integer.MAX_VALUE is one column narrower, which no line
    // can tell apart.
    this.columns = Math.min(width, Integer.MAX_VALUE - 1) + 1;
    this.paragraphIndent = indent;
    this.indent = indent.toCharArray();
    this.line = new char[Math.max(width, this.indent.length) + 16];
  }

  /**
   * Generates words as wrapped lines.
   *
   * @param walk the walk to take
   * @param words how many words to generate
   * @param out receives each line; returning false stops the generation, dropping the words of
   *     the line being filled
   * @return the number of words generated: {@code words}, or fewer when stopped
   * @throws IOException if {@code out} fails
   */
  long write(Walk walk, long words, WrappedLineTarget out) throws IOException {
    TextWrap wrap = new TextWrap(columns, paragraphIndent, "");
    char[] chars = walk.chars();
    int[] records = walk.records();
    int length = 0;
    long done = 0;
    while (done < words) {
      int record = walk.next();
      done++;
      int start = records[record + SuccessorIndex.START];
      int wordLength = records[record + SuccessorIndex.END] - start;
      switch (wrap.place(wordLength)) {
        case PARAGRAPH_START -> length = append(indent, 0, indent.length, 0);
        case SAME_LINE -> length = append(SPACE, 0, 1, length);
        default -> {
          if (!out.line(line, length)) {
            return done;
          }
          length = 0; // the line indent is empty
        }
      }
      length = append(chars, start, wordLength, length);
      if (walk.paragraphEnd()) {
        if (!out.line(line, length)) {
          return done;
        }
        length = 0;
        wrap.endParagraph();
      }
    }
    if (length > 0) {
      out.line(line, length);
    }
    return done;
  }

  private int append(char[] source, int from, int count, int at) {
    if (at + count > line.length) {
      line = Arrays.copyOf(line, Capacity.grow(line.length, (long) at + count, "line"));
    }
    System.arraycopy(source, from, line, at, count);
    return at + count;
  }
}
