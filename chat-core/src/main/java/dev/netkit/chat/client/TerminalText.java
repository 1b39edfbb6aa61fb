package dev.netkit.chat.client;

import java.util.Locale;

/**
 * Makes text from the network safe to print on a terminal: every control character becomes
 * visible instead of acting. A peer's message could otherwise clear the screen ({@code ESC [2J}),
 * set the window title or plant links (OSC sequences), move the cursor, or start a new line
 * ({@code \r}, {@code \n}) that looks as if another user said it ({@code \tvictim [Pets]: ...}).
 *
 * <ul>
 *   <li>C0 controls (U+0000 to U+001F, tab included) and DEL become caret notation, as
 *       {@code cat -v} shows them: ESC is {@code ^[}, CR {@code ^M}, LF {@code ^J}, tab
 *       {@code ^I}, DEL {@code ^?};</li>
 *   <li>C1 controls (U+0080 to U+009F; U+009B is a one-character CSI on some terminals), the
 *       Unicode line and paragraph separators and the bidirectional overrides and isolates
 *       (which reorder what follows them on screen) become {@code \}{@code uXXXX}.</li>
 * </ul>
 *
 * <p>Everything else, printable non-ASCII text included, is kept. Escaping is not reversible (a
 * peer may type a literal {@code ^[}), but no escaped line can act on the terminal or span two
 * lines.
 */
public final class TerminalText {

  private static final int DEL = 0x7f;

  private TerminalText() {
  }

  /**
   * Escapes the control characters of a text.
   *
   * @param text text from a peer
   * @return the text with each control character made visible; the same string when it has none
   */
  public static String escape(String text) {
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == DEL) {
        escaped.append('^').append((char) (c ^ 0x40));
      } else if (isOtherControl(c)) {
        escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == DEL || isOtherControl(c)) {
        return i;
      }
    }
    return -1;
  }

  /** C1 controls, line and paragraph separators, bidirectional embeddings, overrides, isolates. */
  private static boolean isOtherControl(char c) {
    return c >= 0x80 && c <= 0x9f
        || c == '\u2028' || c == '\u2029'
        || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069';
  }
}
