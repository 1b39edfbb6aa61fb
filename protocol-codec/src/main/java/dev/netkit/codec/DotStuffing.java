package dev.netkit.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * The line rules of dot-terminated blocks (the travesty {@code DATA} and {@code GENERATE}
 * bodies, like SMTP {@code DATA}, RFC 5321 section 4.5.2): a line holding only {@code .} ends
 * the block, and a content line that starts with {@code .} is sent with one more {@code .}.
 *
 * <pre>
 *   content         on the wire
 *   "the cat"       "the cat"
 *   ".hidden"       "..hidden"
 *   "."             ".."
 *   (end of block)  "."
 * </pre>
 *
 * <p>The rules are given for text and for lines kept as bytes (uploads are analysed as bytes, so
 * that text in any ASCII-compatible encoding gets through); only the first two characters or
 * bytes of a line matter, and a dot is the same byte in every such encoding.
 *
 * <p><b>Peers that never stuff</b> (the book's Perl client sends text as it is): unstuffing
 * removes a leading dot only from lines that start with two dots. A stuffing peer never sends a
 * line that starts with a single dot followed by more text, so for it this is exactly the RFC
 * rule; a non-stuffing peer's {@code .x} arrives intact (RFC 5321 would drop its dot). Only a
 * non-stuffing peer's {@code ..x} is ambiguous: it is read as stuffed and arrives as {@code .x}.
 * A non-stuffing peer's content line {@code .} necessarily ends the block early.
 */
public final class DotStuffing {

  /** The line that ends a block. */
  public static final String TERMINATOR = ".";

  private static final byte DOT = '.';

  private DotStuffing() {
  }

  /**
   * Stuffs a content line for the wire.
   *
   * @param line a content line
   * @return {@code line} with one more leading dot if it starts with a dot, else {@code line}
   */
  public static String stuff(CharSequence line) {
    String text = line.toString();
    return needsStuffing(text.isEmpty() ? -1 : text.charAt(0)) ? "." + text : text;
  }

  /**
   * Stuffs a content line kept as bytes for the wire.
   *
   * @param line a content line
   * @return a new array: {@code line} with one more leading dot if it starts with a dot, else a
   *     copy of {@code line}
   */
  public static byte[] stuff(byte[] line) {
    return stuff(line, 0, line.length);
  }

  /**
   * Stuffs part of an array, a content line, for the wire.
   *
   * @param line holds the content line
   * @param offset where the line starts
   * @param length the line's length in bytes
   * @return a new array: the line with one more leading dot if it starts with a dot, else a copy
   * @throws IndexOutOfBoundsException if the range is not inside {@code line}
   */
  public static byte[] stuff(byte[] line, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, line.length);
    int extra = needsStuffing(length == 0 ? -1 : line[offset]) ? 1 : 0;
    byte[] out = new byte[length + extra];
    if (extra == 1) {
      out[0] = DOT;
    }
    System.arraycopy(line, offset, out, extra, length);
    return out;
  }

  /**
   * Unstuffs a content line from the wire.
   *
   * @param line a line that is not the {@link #TERMINATOR}
   * @return {@code line} without its first dot if it starts with two dots, else {@code line}
   */
  public static String unstuff(String line) {
    return line.substring(contentOffset(line.length(), at(line, 0), at(line, 1)));
  }

  /**
   * Unstuffs a content line kept as bytes from the wire.
   *
   * @param line a line that is not the terminator
   * @return a new array: {@code line} without its first dot if it starts with two dots, else a
   *     copy of {@code line}
   */
  public static byte[] unstuff(byte[] line) {
    return Arrays.copyOfRange(line, contentOffset(line), line.length);
  }

  /**
   * Returns where the content of a line from the wire starts once unstuffed, for a caller that
   * reads the line in place.
   *
   * @param line a content line (not the terminator) as received
   * @return 1 when the line starts with two dots, else 0
   */
  public static int contentOffset(byte[] line) {
    return contentOffset(line.length, at(line, 0), at(line, 1));
  }

  /**
   * Tells whether a line from the wire ends the block.
   *
   * @param line a line without its terminator
   * @return true for exactly {@code .}
   */
  public static boolean isTerminator(String line) {
    return line.length() == 1 && line.charAt(0) == DOT;
  }

  /**
   * Tells whether a line from the wire, kept as bytes, ends the block.
   *
   * @param line a line without its terminator
   * @return true for exactly {@code .}
   */
  public static boolean isTerminator(byte[] line) {
    return line.length == 1 && line[0] == DOT;
  }

  /** The one stuffing rule: a line that starts with a dot gets one more. */
  private static boolean needsStuffing(int first) {
    return first == DOT;
  }

  /** The one unstuffing rule: a line that starts with two dots loses one. */
  private static int contentOffset(int length, int first, int second) {
    return length >= 2 && first == DOT && second == DOT ? 1 : 0;
  }

  private static int at(String line, int index) {
    return index < line.length() ? line.charAt(index) : -1;
  }

  private static int at(byte[] line, int index) {
    return index < line.length ? line[index] : -1;
  }
}
