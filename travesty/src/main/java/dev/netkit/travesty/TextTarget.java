package dev.netkit.travesty;

import java.io.IOException;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * Where generated text goes, line feeds included (raw text from {@link RawTextFormatter}, pretty
 * text from {@link LineChunker}): the fastest bulk write the caller's {@link Appendable}
 * supports.
 */
@FunctionalInterface
interface TextTarget {

  /**
   * Writes characters.
   *
   * @param buf holds the characters
   * @param offset index of the first
   * @param length how many
   * @throws IOException if the target fails
   */
  void write(char[] buf, int offset, int length) throws IOException;

  /**
   * Adapts an {@link Appendable}: bulk writes for {@link Writer} and {@link StringBuilder}, a
   * {@link CharBuffer} view for anything else.
   *
   * @param out the target
   * @return the adapter
   */
  static TextTarget of(Appendable out) {
    if (out instanceof Writer writer) {
      return writer::write;
    }
    if (out instanceof StringBuilder builder) {
      return (buf, offset, length) -> builder.append(buf, offset, length);
    }
    return (buf, offset, length) -> out.append(CharBuffer.wrap(buf, offset, length));
  }
}
