package dev.netkit.travesty;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * A {@link WrappedLineTarget} that turns wrapped lines into text: each line ended by a line feed,
 * written to a {@link TextTarget} in chunks of about {@link RawTextFormatter#CHUNK} characters;
 * after each chunk a callback may stop the generation.
 */
final class LineChunker implements WrappedLineTarget {

  private final TextTarget out;
  private final BooleanSupplier proceed;
  private final char[] buf = new char[RawTextFormatter.CHUNK];
  private int pos;

  /**
   * Creates a writer.
   *
   * @param out where the text goes
   * @param proceed asked after each chunk whether to go on
   */
  LineChunker(TextTarget out, BooleanSupplier proceed) {
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
