package dev.netkit.unix;

import java.net.BindException;
import java.nio.file.Path;

/**
 * The socket path is taken ({@code EADDRINUSE}): a live socket accepts there, or the path is a
 * file that is not a socket. netkit never removes either; only a stale socket file (whose server
 * is gone) is removed and reused.
 */
public class AddressInUseException extends BindException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Creates the exception.
   *
   * @param path the socket path concerned
   * @param message names the system call, the path, {@code EADDRINUSE} and what it means here
   * @param cause the lower-level error, or null
   */
  public AddressInUseException(Path path, String message, Throwable cause) {
    super(message);
    this.path = path;
    if (cause != null) {
      initCause(cause);
    }
  }

  /**
   * Returns the socket path concerned.
   *
   * @return the path, or null after deserialization
   */
  public Path path() {
    return path;
  }
}
