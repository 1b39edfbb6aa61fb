package dev.netkit.travesty;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Writes a walk as the book's raw text: each word followed by one space, or by two line feeds
 * when a paragraph break follows it. Output goes out in chunks of {@link #CHUNK} characters;
 * before each chunk a callback may stop the generation.
 */
final class RawFormatter {

  /** Characters per chunk handed to the output. */
  static final int CHUNK = 8192;

  private static final String PARAGRAPH_BREAK = "\n\n";

  private RawFormatter() {
  }

  /**
   * Generates words.
   *
   * @param walk the walk to take
   * @param words how many words to generate
   * @param out where the text goes
   * @param proceed asked before each chunk whether to go on
   * @return the number of words generated: {@code words}, or fewer when stopped
   * @throws IOException if {@code out} fails
   */
  static long write(Walk walk, long words, CharOutput out, BooleanSupplier proceed)
      throws IOException {
    char[] chars = walk.chars();
    int[] records = walk.records();
    char[] buf = new char[CHUNK];
    long done = 0;
    while (done < words && proceed.getAsBoolean()) {
      int pos = 0;
      while (done < words && pos < CHUNK - PARAGRAPH_BREAK.length()) {
        int record = walk.next();
        done++;
        int start = records[record + SuccessorIndex.START];
        int length = records[record + SuccessorIndex.END] - start;
        if (length > CHUNK - PARAGRAPH_BREAK.length() - pos) {
          pos = writeLong(chars, start, length, buf, pos, out);
        } else {
          System.arraycopy(chars, start, buf, pos, length);
          pos += length;
        }
        if (walk.paragraphEnd()) {
          buf[pos++] = '\n';
          buf[pos++] = '\n';
        } else {
          buf[pos++] = ' ';
        }
      }
      out.write(buf, 0, pos);
    }
    return done;
  }

  /** A word that does not fit the rest of the chunk: flush, then copy it through in pieces. */
  private static int writeLong(char[] chars, int start, int length, char[] buf, int pos,
      CharOutput out) throws IOException {
    out.write(buf, 0, pos);
    int from = start;
    int left = length;
    while (left > CHUNK - PARAGRAPH_BREAK.length()) {
      int piece = Math.min(left, CHUNK);
      System.arraycopy(chars, from, buf, 0, piece);
      out.write(buf, 0, piece);
      from += piece;
      left -= piece;
    }
    System.arraycopy(chars, from, buf, 0, left);
    return left;
  }
}
