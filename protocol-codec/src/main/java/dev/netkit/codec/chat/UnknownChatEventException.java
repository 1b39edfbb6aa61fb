package dev.netkit.codec.chat;

import dev.netkit.codec.HexPreview;
import dev.netkit.codec.MalformedFrameException;

/**
 * A frame whose event code is not a {@link ChatEvent}, met where a typed payload was asked for.
 * The frame itself is fine (see {@link ChatFrame#event()}); the book's server answers such frames
 * from a logged-in user with {@code unimplemented event code}.
 *
 * <pre>
 *   chat event code : 999 (expected: a known event code), input: 03 e7 78
 * </pre>
 */
public class UnknownChatEventException extends MalformedFrameException {

  private static final long serialVersionUID = 1L;

  private final int code;

  /**
   * Creates the exception.
   *
   * @param frame the frame with the unknown code
   */
  public UnknownChatEventException(ChatFrame frame) {
    super("chat event code", Integer.toString(frame.code()), "a known event code",
        HexPreview.of(frame.toBytes()));
    this.code = frame.code();
  }

  /**
   * Returns the unknown code.
   *
   * @return the code as received
   */
  public int code() {
    return code;
  }
}
