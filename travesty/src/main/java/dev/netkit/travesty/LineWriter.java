package dev.netkit.travesty;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Writes wrapped lines, each ended by a line feed, to a {@link CharOutput} in chunks of about
 * {@link RawFormatter#CHUNK} characters; after each chunk a callback may stop the generation.
 */
final class LineWriter implements LineOutput {

  private final CharOutput out;
  private final BooleanSupplier proceed;
  private final char[] buf = new char[RawFormatter.CHUNK];
  private int pos;

  /**
   * Creates a writer.
   *
   * @param out where the text goes
   * @param proceed asked after each chunk whether to go on
   */
  LineWriter(CharOutput out, BooleanSupplier proceed) {
    this.out = out;
    this.proceed = proceed;
  }

  @Override
  public boolean line(char[] line, int length) throws IOException {
    if (length + 1 > buf.length - pos) {
      flush();
      if (length + 1 > buf.length) {
        out.write(line, 0, length);
        buf[pos++] = '\n';
        return proceed.getAsBoolean();
      }
    }
    System.arraycopy(line, 0, buf, pos, length);
    pos += length;
    buf[pos++] = '\n';
    if (pos > buf.length / 2) {
      flush();
      return proceed.getAsBoolean();
    }
    return true;
  }

  /**
   * Writes what is buffered.
   *
   * @throws IOException if the output fails
   */
  void flush() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }
}
