package dev.netkit.codec;

/**
 * Text that is not valid UTF-8 (a bad lead byte, a truncated sequence, an overlong form, a
 * surrogate code point). The message names the field and the offset of the first bad byte:
 *
 * <pre>
 *   line : malformed UTF-8 at byte 3 (expected: UTF-8), input: 61 62 63 ff 0d
 * </pre>
 */
public class MalformedTextException extends ProtocolException {

  private static final long serialVersionUID = 1L;

  private final int offset;

  /**
   * Creates the exception.
   *
   * @param field the text field, e.g. {@code SEND_PUBLIC payload}
   * @param offset the index of the first malformed byte within the field
   * @param inputHex the field's bytes, from {@link HexPreview}
   */
  public MalformedTextException(String field, int offset, String inputHex) {
    super(field + " : malformed UTF-8 at byte " + offset + " (expected: UTF-8), input: "
        + inputHex);
    this.offset = offset;
  }

  /**
   * Returns where the first malformed byte is.
   *
   * @return its index within the field
   */
  public int offset() {
    return offset;
  }
}
