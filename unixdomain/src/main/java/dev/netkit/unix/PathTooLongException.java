package dev.netkit.unix;

import java.nio.file.Path;

/**
 * A socket path does not fit {@code sun_path} (see {@link SocketPaths}); thrown before any system
 * call, so nothing was created.
 */
public class PathTooLongException extends SocketPathException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param path the path that is too long
   * @param message gives the length, the limit and why the limit exists
   */
  public PathTooLongException(Path path, String message) {
    super(path, message, null);
  }
}
