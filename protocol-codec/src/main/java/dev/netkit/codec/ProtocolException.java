package dev.netkit.codec;

/**
 * Bytes that break a netkit wire format: the root of netkit's small unchecked tree of protocol
 * errors. Messages name the field, the offending value and the limit, and show at most
 * {@link HexPreview#MAX_BYTES} bytes of the input in hex, e.g.
 * {@code line length : 8193 (limit: 8192), input: 41 41 41 …(+8161 bytes)}.
 *
 * <p>Codecs throw it (or a subclass); servers catch it per datagram or per connection and answer
 * with an error instead of dying.
 */
public class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what is wrong.
   *
   * @param message names the field, the value and the limit
   */
  public ProtocolException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the lower-level cause (for example a
   * {@link java.nio.charset.CharacterCodingException}).
   *
   * @param message names the field, the value and the limit
   * @param cause the lower-level error
   */
  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Renders an offending value for a message: in double quotes, at most
   * {@link HexPreview#MAX_BYTES} characters (then {@code …}), control characters, quotes and
   * backslashes escaped so that a hostile peer cannot forge log lines.
   *
   * @param value the value as received
   * @return e.g. {@code "bob\r\n"} or {@code "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…"}
   */
  public static String quote(CharSequence value) {
    int shown = Math.min(value.length(), HexPreview.MAX_BYTES);
    StringBuilder out = new StringBuilder(shown + 8).append('"');
    for (int i = 0; i < shown; i++) {
      appendEscaped(out, value.charAt(i));
    }
    if (value.length() > shown) {
      out.append('…');
    }
    return out.append('"').toString();
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '\\' -> out.append("\\\\");
      case '"' -> out.append("\\\"");
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      default -> {
        if (c < 0x20 || c == 0x7f) {
          out.append(String.format("\\x%02x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }
}
