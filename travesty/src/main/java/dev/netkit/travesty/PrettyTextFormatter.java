package dev.netkit.travesty;

import java.io.IOException;
import java.util.Arrays;

/**
 * Wraps a walk into lines like the book's {@code pretty_text} (Text::Wrap's
 * {@code fill("\t", "", $text)}): words separated by one space, greedy wrapping at {@code width}
 * columns, and the first line of every paragraph, the first one included, starts with the
 * paragraph indent; paragraphs follow each other without blank lines. A line is wider than
 * {@code width} only when it holds a single word (after its indent) that does not fit.
 *
 * <p>Columns count characters; a tab in the indent advances to the next multiple of 8.
 */
final class PrettyTextFormatter {

  private static final int TAB_STOP = 8;

  private final int width;
  private final char[] indent;
  private final int indentColumns;
  private char[] line;

  /**
   * Creates a formatter.
   *
   * @param width the maximum line width in columns, at least 1
   * @param indent the paragraph indent, without line breaks
   */
  PrettyTextFormatter(int width, String indent) {
    this.width = width;
    this.indent = indent.toCharArray();
    this.indentColumns = columns(indent);
    this.line = new char[Math.max(width, this.indent.length) + 16];
  }

  /**
   * Returns the columns a string takes at the start of a line.
   *
   * @param text the string, without line breaks
   * @return its width in columns, tabs expanded to multiples of 8
   */
  static int columns(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); i++) {
      columns = text.charAt(i) == '\t' ? (columns / TAB_STOP + 1) * TAB_STOP : columns + 1;
    }
    return columns;
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
    char[] chars = walk.chars();
    int[] records = walk.records();
    int length = 0;
    int columns = 0;
    boolean paragraphStart = true;
    long done = 0;
    while (done < words) {
      int record = walk.next();
      done++;
      int start = records[record + SuccessorIndex.START];
      int wordLength = records[record + SuccessorIndex.END] - start;
      if (length > 0 && columns + 1 + wordLength > width) {
        if (!out.line(line, length)) {
          return done;
        }
        length = 0;
      }
      if (length == 0) {
        columns = paragraphStart ? indentColumns : 0;
        length = paragraphStart ? append(indent, 0, indent.length, 0) : 0;
        paragraphStart = false;
      } else {
        line[length++] = ' ';
        columns++;
      }
      length = append(chars, start, wordLength, length);
      columns += wordLength;
      if (walk.paragraphEnd()) {
        if (!out.line(line, length)) {
          return done;
        }
        length = 0;
        paragraphStart = true;
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
