package dev.netkit.cli.urgent;

/**
 * Perl's "magic" string increment, which the book's {@code urg_send.pl} uses to label its lines:
 * {@code aa → ab}, {@code az → ba}, {@code zz → aaa}.
 */
final class PerlIncrement {

  private PerlIncrement() {
  }

  /**
   * Returns the next label.
   *
   * @param label lower-case ASCII letters, at least one
   * @return the label Perl's {@code ++} gives
   * @throws IllegalArgumentException for anything else
   */
  static String next(String label) {
    if (!label.matches("[a-z]+")) {
      throw new IllegalArgumentException("label : \"" + label + "\" (expected: [a-z]+)");
    }
    char[] letters = label.toCharArray();
    for (int i = letters.length - 1; i >= 0; i--) {
      if (letters[i] != 'z') {
        letters[i]++;
        return new String(letters);
      }
      letters[i] = 'a';
    }
    return "a" + new String(letters);
  }
}
