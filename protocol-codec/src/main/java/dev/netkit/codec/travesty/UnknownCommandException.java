package dev.netkit.codec.travesty;

import dev.netkit.codec.ProtocolException;

/**
 * A command line that is no travesty command: an unknown name, an empty line, or an argument
 * after a command that takes none. The server answers {@link TravestyReplies#unknownCommand()}.
 *
 * <pre>
 *   travesty command : "DATA now" (expected: DATA, RESET, GENERATE n or BYE)
 * </pre>
 */
public class UnknownCommandException extends ProtocolException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param line the command line as received
   */
  public UnknownCommandException(String line) {
    super("travesty command : " + quote(line) + " (expected: DATA, RESET, GENERATE n or BYE)");
  }
}
