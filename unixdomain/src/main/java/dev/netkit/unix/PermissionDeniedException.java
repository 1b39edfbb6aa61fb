package dev.netkit.unix;

import java.nio.file.Path;

/**
 * The file system refused access ({@code EACCES}): no write permission on the directory that
 * should hold a socket, no search permission on a directory of the path, or no write permission
 * on the socket file a client connects to.
 */
public class PermissionDeniedException extends SocketPathException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param path the socket path concerned
   * @param message names the system call, the path, {@code EACCES} and what it means here
   * @param cause the lower-level error, or null
   */
  public PermissionDeniedException(Path path, String message, Throwable cause) {
    super(path, message, cause);
  }
}
