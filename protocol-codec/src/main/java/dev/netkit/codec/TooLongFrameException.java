package dev.netkit.codec;

/**
 * A frame (datagram, line, field) longer than its limit. The message names the field, the length
 * and the limit, and shows the start of the input:
 *
 * <pre>
 *   chat datagram length : 1500 (limit: 1024), input: 00 5a 68 69 …(+1468 bytes)
 *   line length : 8193 (limit: 8192), input: 41 41 41 …(+8161 bytes)
 * </pre>
 */
public class TooLongFrameException extends ProtocolException {

  private static final long serialVersionUID = 1L;

  private final long length;
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param field what is too long, e.g. {@code line length}
   * @param length how long it is, or how far a decoder read before giving up
   *     (then {@code limit + 1})
   * @param limit the largest length allowed
   * @param inputHex the start of the input, from {@link HexPreview}
   */
  public TooLongFrameException(String field, long length, long limit, String inputHex) {
    super(field + " : " + length + " (limit: " + limit + "), input: " + inputHex);
    this.length = length;
    this.limit = limit;
  }

  /**
   * Returns the offending length.
   *
   * @return the length, or how far the decoder read before giving up ({@code limit() + 1})
   */
  public long length() {
    return length;
  }

  /**
   * Returns the limit that was exceeded.
   *
   * @return the largest length allowed
   */
  public long limit() {
    return limit;
  }
}
