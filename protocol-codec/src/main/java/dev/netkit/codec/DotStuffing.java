package dev.netkit.codec;

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
    return text.startsWith(".") ? "." + text : text;
  }

  /**
   * Unstuffs a content line from the wire.
   *
   * @param line a line that is not the {@link #TERMINATOR}
   * @return {@code line} without its first dot if it starts with two dots, else {@code line}
   */
  public static String unstuff(String line) {
    return line.startsWith("..") ? line.substring(1) : line;
  }

  /**
   * Tells whether a line from the wire ends the block.
   *
   * @param line a line without its terminator
   * @return true for exactly {@code .}
   */
  public static boolean isTerminator(String line) {
    return TERMINATOR.equals(line);
  }
}
