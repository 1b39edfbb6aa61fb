package dev.netkit.codec.chat;

/**
 * Recognises IPv4 dotted quads (four decimals 0-255 of one to three ASCII digits), the form of
 * the book's multicast groups. An accepted value is a literal, so {@code InetAddress.getByName}
 * on it never starts a name lookup.
 */
final class IpLiteral {

  private static final int PARTS = 4;
  private static final int MAX_DIGITS = 3;
  private static final int MAX_PART = 255;

  private IpLiteral() {
  }

  static boolean isIpv4(String text) {
    int part = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && digits > 0 && part < PARTS - 1) {
        part++;
        digits = 0;
        value = 0;
      } else if (c >= '0' && c <= '9' && digits < MAX_DIGITS) {
        digits++;
        value = value * 10 + (c - '0');
        if (value > MAX_PART) {
          return false;
        }
      } else {
        return false;
      }
    }
    return part == PARTS - 1 && digits > 0;
  }
}
