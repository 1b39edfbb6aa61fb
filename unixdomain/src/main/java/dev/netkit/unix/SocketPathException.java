package dev.netkit.unix;

import java.net.SocketException;
import java.nio.file.Path;

/**
 * A socket operation failed because of its socket path; {@link #path()} says which. The base of
 * the path errors that are plain {@link SocketException}s ({@link PathTooLongException},
 * {@link PermissionDeniedException}, {@link NotADirectoryException}); {@link AddressInUseException}
 * is a {@link java.net.BindException} instead, as {@code bind} callers expect, and carries its
 * path itself.
 */
public class SocketPathException extends SocketException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Creates the exception.
   *
   * @param path the socket path concerned
   * @param message names the system call, the path and what went wrong
   * @param cause the lower-level error, or null
   */
  public SocketPathException(Path path, String message, Throwable cause) {
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
