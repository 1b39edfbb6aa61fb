package dev.netkit.travesty;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Writes a walk as the book's raw text (the book's {@code generate}; its wrapped counterpart is
 * {@link PrettyTextFormatter}): each word followed by one space, or by two line feeds
 * when a paragraph break follows it. Output goes out in chunks of {@link #CHUNK} to
 * {@code 2 * CHUNK} characters, one write each; before each chunk a callback may stop the
 * generation. Only a word longer than a chunk takes several writes.
 */
final class RawTextFormatter {

  /** Characters after which a chunk is written. */
  static final int CHUNK = 8192;

  private static final int SEPARATOR_MAX = 2;

  private RawTextFormatter() {
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
  static long write(Walk walk, long words, TextTarget out, BooleanSupplier proceed)
      throws IOException {
    char[] chars = walk.chars();
    int[] records = walk.records();
    char[] buf = new char[2 * CHUNK];
    long done = 0;
    while (done < words && proceed.getAsBoolean()) {
      int pos = 0;
      while (done < words && pos < CHUNK) {
        int record = walk.next();
        done++;
        int start = records[record + SuccessorIndex.START];
        int length = records[record + SuccessorIndex.END] - start;
        if (length > buf.length - SEPARATOR_MAX - pos) {
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

  /** A word longer than a chunk: flush, then copy it through in pieces; returns its tail's end. */
  private static int writeLong(char[] chars, int start, int length, char[] buf, int pos,
      TextTarget out) throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
    }
    int from = start;
    int left = length;
    while (left > CHUNK) {
      System.arraycopy(chars, from, buf, 0, CHUNK);
      out.write(buf, 0, CHUNK);
      from += CHUNK;
      left -= CHUNK;
    }
    System.arraycopy(chars, from, buf, 0, left);
    return left;
  }
}
