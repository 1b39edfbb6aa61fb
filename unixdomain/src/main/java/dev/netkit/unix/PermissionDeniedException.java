package dev.netkit.unix;

import java.net.SocketException;
import java.nio.file.Path;

/**
 * The file system refused access ({@code EACCES}): no write permission on the directory that
 * should hold a socket, no search permission on a directory of the path, or no write permission
 * on the socket file a client connects to.
 */
public class PermissionDeniedException extends SocketException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Creates the exception.
   *
   * @param path the socket path concerned
   * @param message names the system call, the path, {@code EACCES} and what it means here
   * @param cause the lower-level error, or null
   */
  public PermissionDeniedException(Path path, String message, Throwable cause) {
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
