package dev.netkit.unix;

import java.net.SocketException;
import java.nio.file.Path;

/**
 * A socket path does not fit {@code sun_path} (see {@link SocketPaths}); thrown before any system
 * call, so nothing was created.
 */
public class PathTooLongException extends SocketException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Creates the exception.
   *
   * @param path the path that is too long
   * @param message gives the length, the limit and why the limit exists
   */
  public PathTooLongException(Path path, String message) {
    super(message);
    this.path = path;
  }

  /**
   * Returns the path that is too long.
   *
   * @return the path, or null after deserialization
   */
  public Path path() {
    return path;
  }
}
