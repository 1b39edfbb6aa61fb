package dev.netkit.codec;

import java.nio.ByteBuffer;

/**
 * Writes text lines for a CRLF line protocol: the line's UTF-8 bytes and {@code \r\n}.
 *
 * <pre>
 *   "202 processed 42 words"  →  32 30 32 20 … 64 73 0d 0a
 * </pre>
 *
 * <p>A line must not contain CR or LF: it would end early at the peer, or smuggle a second line
 * past whoever checked the first. Length is the caller's business (wrap long text); peers such as
 * {@link LineDecoder} reject lines over their limit.
 */
public final class LineEncoder {

  /** The line terminator. */
  public static final String CRLF = "\r\n";

  private LineEncoder() {
  }

  /**
   * Encodes one line.
   *
   * @param line the line's text, without terminator
   * @return its UTF-8 bytes followed by CR LF
   * @throws IllegalArgumentException if {@code line} contains CR or LF or an unpaired surrogate
   */
  public static byte[] encode(CharSequence line) {
    checkNoLineBreak(line);
    byte[] text = Utf8.encode(line, "line");
    byte[] out = new byte[text.length + 2];
    System.arraycopy(text, 0, out, 0, text.length);
    out[text.length] = '\r';
    out[text.length + 1] = '\n';
    return out;
  }

  /**
   * Encodes one line into {@code out} at its position, which moves past the line.
   *
   * @param line the line's text, without terminator
   * @param out where to write
   * @throws IllegalArgumentException if {@code line} contains CR or LF or an unpaired surrogate
   * @throws java.nio.BufferOverflowException if {@code out} has too little room (nothing is
   *     written then)
   */
  public static void encode(CharSequence line, ByteBuffer out) {
    out.put(encode(line));
  }

  static void checkNoLineBreak(CharSequence line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("line : " + ProtocolException.quote(line)
            + " (expected: no CR or LF, found one at index " + i + ")");
      }
    }
  }

  static void checkNoLineBreak(byte[] line) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == '\r' || line[i] == '\n') {
        throw new IllegalArgumentException("line : " + HexPreview.of(line)
            + " (expected: no CR or LF, found one at index " + i + ")");
      }
    }
  }
}
