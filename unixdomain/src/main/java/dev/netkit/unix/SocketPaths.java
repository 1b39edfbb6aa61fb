package dev.netkit.unix;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Length limits of UNIX-domain socket paths, checked before the kernel or the JDK sees a path so
 * that the error says which limit was hit.
 *
 * <p>On Linux {@code struct sockaddr_un} has a {@code sun_path} of {@value #SUN_PATH_BYTES} bytes,
 * which must hold the path and its terminating NUL: at most {@value #MAX_NATIVE_PATH_BYTES} bytes
 * of path (unix(7)). The JDK's UNIX-domain channels refuse one byte earlier, at
 * {@value #MAX_JDK_PATH_BYTES} bytes, so stream sockets (which are JDK channels) use that limit and
 * netkit's native datagram sockets the kernel's. Paths are measured in the bytes the JDK passes to
 * the kernel, that is encoded with {@code sun.jnu.encoding}.
 */
public final class SocketPaths {

  /** The size of {@code sun_path} in {@code struct sockaddr_un} on Linux, NUL included. */
  public static final int SUN_PATH_BYTES = 108;

  /** The longest path the kernel takes for a NUL-terminated {@code sun_path}. */
  public static final int MAX_NATIVE_PATH_BYTES = SUN_PATH_BYTES - 1;

  /** The longest path the JDK's UNIX-domain channels accept (they keep one more byte spare). */
  public static final int MAX_JDK_PATH_BYTES = SUN_PATH_BYTES - 2;

  private static final Charset PATH_CHARSET = pathCharset();

  private SocketPaths() {
  }

  /**
   * Returns the length of {@code path} in the bytes that reach {@code sun_path}.
   *
   * @param path a socket path, used as given (relative paths are not resolved)
   * @return the number of bytes, without the terminating NUL
   */
  public static int byteLength(Path path) {
    return bytes(path).length;
  }

  /**
   * Encodes a path as the bytes that go into {@code sun_path}.
   *
   * @param path a socket path, used as given
   * @return the bytes, without a NUL
   */
  public static byte[] bytes(Path path) {
    return path.toString().getBytes(PATH_CHARSET);
  }

  /**
   * Decodes the bytes of a {@code sun_path}, e.g. a datagram sender's address.
   *
   * @param bytes the path's bytes, without a NUL
   * @return the path
   */
  public static Path pathOf(byte[] bytes) {
    return Path.of(new String(bytes, PATH_CHARSET));
  }

  /**
   * Encodes a Linux abstract socket name (the text after the leading NUL).
   *
   * @param name the name
   * @return its bytes
   */
  static byte[] abstractNameBytes(String name) {
    return name.getBytes(PATH_CHARSET);
  }

  /**
   * Decodes a Linux abstract socket name.
   *
   * @param bytes the name's bytes, without the leading NUL
   * @return the name
   */
  static String abstractName(byte[] bytes) {
    return new String(bytes, PATH_CHARSET);
  }

  /**
   * Checks that {@code path} fits a limit.
   *
   * @param path the socket path as it will be passed to the kernel
   * @param maxBytes the limit, {@link #MAX_JDK_PATH_BYTES} or {@link #MAX_NATIVE_PATH_BYTES}
   * @return {@code path}
   * @throws PathTooLongException if the path has more than {@code maxBytes} bytes; the message
   *     gives the length, the limit and the size of {@code sun_path}
   */
  public static Path requireFits(Path path, int maxBytes) throws PathTooLongException {
    int length = byteLength(path);
    if (length > maxBytes) {
      throw new PathTooLongException(path, "socket path too long: " + length + " bytes (limit: "
          + maxBytes + "; sun_path holds " + SUN_PATH_BYTES
          + " bytes on Linux, including the terminating NUL): " + path);
    }
    return path;
  }

  private static Charset pathCharset() {
    String name = System.getProperty("sun.jnu.encoding");
    if (name == null) {
      return Charset.defaultCharset();
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
