package dev.netkit.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Writes a dot-terminated block: each content line dot-stuffed ({@link DotStuffing}) and ended
 * by CRLF, then a line holding only {@code .}.
 *
 * <pre>
 *   lines ["the cat", ".hidden"]  →  "the cat\r\n..hidden\r\n.\r\n"
 * </pre>
 *
 * <p>Write a block at once with {@link #encode(Iterable)}, or stream it (as a generator does)
 * with {@link #encodeLine(CharSequence)} per line and {@link #terminator()} at the end. Lines
 * kept as bytes ({@link #encodeLine(byte[])}) go out as they are, in whatever ASCII-compatible
 * encoding they have.
 */
public final class DotBlockEncoder {

  private static final byte[] TERMINATOR_LINE = {'.', '\r', '\n'};

  private DotBlockEncoder() {
  }

  /**
   * Encodes one content line.
   *
   * @param line the line, without terminator
   * @return the stuffed line's UTF-8 bytes and CRLF
   * @throws IllegalArgumentException if {@code line} contains CR or LF or an unpaired surrogate
   */
  public static byte[] encodeLine(CharSequence line) {
    LineEncoder.checkNoLineBreak(line);
    return LineEncoder.encode(DotStuffing.stuff(line));
  }

  /**
   * Encodes one content line kept as bytes.
   *
   * <pre>
   *   ".x" (2e 78)  →  "..x\r\n" (2e 2e 78 0d 0a)
   * </pre>
   *
   * @param line the line's bytes, without terminator
   * @return a new array: the stuffed line and CRLF
   * @throws IllegalArgumentException if {@code line} contains CR or LF
   */
  public static byte[] encodeLine(byte[] line) {
    LineEncoder.checkNoLineBreak(line);
    byte[] stuffed = DotStuffing.stuff(line);
    byte[] out = Arrays.copyOf(stuffed, stuffed.length + 2);
    out[stuffed.length] = '\r';
    out[stuffed.length + 1] = '\n';
    return out;
  }

  /**
   * Returns the line that ends a block.
   *
   * @return a new array holding {@code .\r\n}
   */
  public static byte[] terminator() {
    return TERMINATOR_LINE.clone();
  }

  /**
   * Encodes a whole block.
   *
   * @param lines the content lines, without terminators
   * @return every stuffed line with CRLF, then {@code .\r\n}
   * @throws IllegalArgumentException if a line contains CR or LF or an unpaired surrogate
   */
  public static byte[] encode(Iterable<? extends CharSequence> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (CharSequence line : lines) {
      out.writeBytes(encodeLine(line));
    }
    out.writeBytes(TERMINATOR_LINE);
    return out.toByteArray();
  }
}
