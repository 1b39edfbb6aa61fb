package dev.netkit.travesty;

/**
 * Encodes UTF-16 text to UTF-8 chunk by chunk, keeping a high surrogate that ends a chunk for the
 * next one. A lone surrogate becomes {@code ?}, as in
 * {@link String#getBytes(java.nio.charset.Charset)}.
 *
 * <p>Not thread-safe.
 */
final class Utf8Encoder {

  private char pendingHigh;

  /**
   * Encodes a chunk.
   *
   * @param in holds the chunk
   * @param from index of its first character
   * @param to index after its last character
   * @param endOfText whether no chunk follows (a trailing high surrogate is then lone)
   * @param b receives the bytes; must have room for {@code 3 * (to - from + 1)} of them
   * @param offset where the first byte goes
   * @return the index after the last byte written
   */
  int encode(char[] in, int from, int to, boolean endOfText, byte[] b, int offset) {
    int n = offset;
    int i = from;
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (i < to && Character.isLowSurrogate(in[i])) {
        n = putCodePoint(Character.toCodePoint(high, in[i++]), b, n);
      } else {
        b[n++] = '?';
      }
    }
    while (i < to) {
      char c = in[i++];
      if (c < 0x80) {
        b[n++] = (byte) c;
      } else if (c < 0x800) {
        b[n++] = (byte) (0xC0 | c >> 6);
        b[n++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        b[n++] = (byte) (0xE0 | c >> 12);
        b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(in[i])) {
        n = putCodePoint(Character.toCodePoint(c, in[i++]), b, n);
      } else if (Character.isHighSurrogate(c) && i == to && !endOfText) {
        pendingHigh = c;
      } else {
        b[n++] = '?';
      }
    }
    if (endOfText && pendingHigh != 0) {
      pendingHigh = 0;
      b[n++] = '?';
    }
    return n;
  }

  /** Forgets a pending high surrogate. */
  void clear() {
    pendingHigh = 0;
  }

  private static int putCodePoint(int codePoint, byte[] b, int at) {
    b[at] = (byte) (0xF0 | codePoint >> 18);
    b[at + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
    b[at + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
    b[at + 3] = (byte) (0x80 | codePoint & 0x3F);
    return at + 4;
  }
}
