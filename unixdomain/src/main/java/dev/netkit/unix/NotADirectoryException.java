package dev.netkit.unix;

import java.nio.file.Path;

/**
 * A component of a socket path that should be a directory is not one ({@code ENOTDIR}).
 */
public class NotADirectoryException extends SocketPathException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param path the socket path concerned
   * @param message names the system call, the path, {@code ENOTDIR} and what it means here
   * @param cause the lower-level error, or null
   */
  public NotADirectoryException(Path path, String message, Throwable cause) {
    super(path, message, cause);
  }
}
