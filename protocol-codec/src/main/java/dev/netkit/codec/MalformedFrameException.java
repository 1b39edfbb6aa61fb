package dev.netkit.codec;

/**
 * A frame that breaks its syntax: too short (truncated), a missing field, a number that is not a
 * number or out of range, a forbidden line terminator. The message names the field, shows the
 * value and what was expected, and the start of the input:
 *
 * <pre>
 *   chat datagram length : 1 (expected: at least 2), input: 00
 *   JOIN_ACK count : "x1" (expected: decimal 0-2147483647), input: 57 65 61 …
 *   status code : "abc" (expected: 3 digits 100-599), input: 61 62 63
 * </pre>
 */
public class MalformedFrameException extends ProtocolException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field that is wrong, e.g. {@code JOIN_ACK count}
   * @param value the offending value as shown, e.g. from {@link #quote(CharSequence)} or a number
   * @param expected what the field must be
   * @param inputHex the start of the input, from {@link HexPreview}
   */
  public MalformedFrameException(String field, String value, String expected, String inputHex) {
    super(field + " : " + value + " (expected: " + expected + "), input: " + inputHex);
    this.field = field;
  }

  /**
   * Returns the field that is wrong.
   *
   * @return e.g. {@code JOIN_ACK count}
   */
  public String field() {
    return field;
  }
}
