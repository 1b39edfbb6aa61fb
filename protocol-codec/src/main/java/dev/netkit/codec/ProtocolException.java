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
}
