package dev.netkit.travesty.protocol;

import dev.netkit.codec.DotStuffing;
import java.nio.charset.StandardCharsets;

/**
 * {@link DotStuffing}'s rules applied to lines kept as bytes (uploads are analysed as bytes, so
 * that text in any ASCII-compatible encoding gets through): only the first two bytes matter, and
 * they are handed to {@link DotStuffing} as ISO-8859-1 text, which maps bytes to chars one to one.
 */
public final class DotLines {

  private DotLines() {
  }

  /**
   * Tells whether a line ends a dot-terminated block.
   *
   * @param line a line without its terminator
   * @return true for exactly {@code .}
   */
  public static boolean isTerminator(byte[] line) {
    return line.length == 1 && DotStuffing.isTerminator(prefix(line));
  }

  /**
   * Returns where the content of a block line starts once unstuffed.
   *
   * @param line a content line (not the terminator) as received
   * @return 1 when the line starts with two dots, else 0
   */
  public static int contentOffset(byte[] line) {
    String prefix = prefix(line);
    return prefix.length() - DotStuffing.unstuff(prefix).length();
  }

  private static String prefix(byte[] line) {
    return new String(line, 0, Math.min(2, line.length), StandardCharsets.ISO_8859_1);
  }
}
