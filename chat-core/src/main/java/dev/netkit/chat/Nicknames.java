package dev.netkit.chat;

/**
 * The nickname rule of netkit's chat: 1 to {@value #DEFAULT_MAX_LENGTH} (configurable) printable,
 * non-blank characters. Printable excludes whitespace, control and format characters, surrogates,
 * private-use and unassigned code points, so a nickname can neither break the space-separated
 * payloads nor forge lines or hide characters on a terminal. Length counts code points. Nicknames
 * are case-sensitive, as in the book.
 */
public final class Nicknames {

  /** The default longest nickname, in characters (code points). */
  public static final int DEFAULT_MAX_LENGTH = 32;

  private Nicknames() {
  }

  /**
   * Checks a nickname against the rule with the default length.
   *
   * @param nickname a candidate
   * @return true if it is 1-{@value #DEFAULT_MAX_LENGTH} printable non-blank characters
   */
  public static boolean isValid(String nickname) {
    return isValid(nickname, DEFAULT_MAX_LENGTH);
  }

  /**
   * Checks a nickname against the rule.
   *
   * @param nickname a candidate
   * @param maxLength the longest allowed, in code points
   * @return true if it is 1-{@code maxLength} printable non-blank characters
   */
  public static boolean isValid(String nickname, int maxLength) {
    if (nickname.isEmpty() || nickname.codePointCount(0, nickname.length()) > maxLength) {
      return false;
    }
    return nickname.codePoints().allMatch(Nicknames::isPrintableNonBlank);
  }

  /**
   * Tells whether one character may appear in a nickname or a channel title.
   *
   * @param codePoint a Unicode code point
   * @return false for whitespace, control, format, surrogate, private-use and unassigned ones
   */
  public static boolean isPrintableNonBlank(int codePoint) {
    if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}
