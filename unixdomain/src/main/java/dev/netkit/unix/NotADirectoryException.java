package dev.netkit.unix;

import java.net.SocketException;
import java.nio.file.Path;

/**
 * A component of a socket path that should be a directory is not one ({@code ENOTDIR}).
 */
public class NotADirectoryException extends SocketException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Creates the exception.
   *
   * @param path the socket path concerned
   * @param message names the system call, the path, {@code ENOTDIR} and what it means here
   * @param cause the lower-level error, or null
   */
  public NotADirectoryException(Path path, String message, Throwable cause) {
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
