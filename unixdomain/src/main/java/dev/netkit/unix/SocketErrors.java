package dev.netkit.unix;

import dev.netkit.jni.NativeSocketException;
import dev.netkit.jni.internal.UnixDatagramSyscalls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns the errors of socket-path system calls into netkit's specific, readable exceptions: the
 * one place that knows which {@code errno} becomes which exception and what its message says.
 *
 * <p>The JDK reports these errors as {@link SocketException}s that carry only the C library's
 * {@code strerror} text (in the C locale the JVM runs with), or as {@link FileSystemException}s;
 * both are recognised here.
 */
final class SocketErrors {

  /**
   * The conditions netkit tells apart, with their {@code strerror} text; the native library's
   * errors are told apart by their {@code errno} instead.
   */
  enum Kind {
    ADDRESS_IN_USE("Address already in use"),
    PERMISSION_DENIED("Permission denied"),
    NOT_A_DIRECTORY("Not a directory"),
    NO_SUCH_FILE("No such file or directory"),
    CONNECTION_REFUSED("Connection refused"),
    WRONG_TYPE("Protocol wrong type for socket"),
    OTHER("");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    private static Kind ofErrno(int errno) {
      if (errno == UnixDatagramSyscalls.EACCES) {
        return PERMISSION_DENIED;
      }
      if (errno == UnixDatagramSyscalls.ENOTDIR) {
        return NOT_A_DIRECTORY;
      }
      if (errno == UnixDatagramSyscalls.ENOENT) {
        return NO_SUCH_FILE;
      }
      if (errno == UnixDatagramSyscalls.EPROTOTYPE) {
        return WRONG_TYPE;
      }
      return OTHER;
    }

    static Kind of(IOException error) {
      if (error instanceof NativeSocketException nse) {
        return ofErrno(nse.errno());
      }
      if (error instanceof ConnectException) {
        return CONNECTION_REFUSED;
      }
      if (error instanceof AccessDeniedException) {
        return PERMISSION_DENIED;
      }
      if (error instanceof NoSuchFileException) {
        return NO_SUCH_FILE;
      }
      String message = error instanceof FileSystemException fse ? fse.getReason()
          : error.getMessage();
      for (Kind kind : values()) {
        if (kind != OTHER && message != null && message.contains(kind.text)) {
          return kind;
        }
      }
      return OTHER;
    }
  }

  private SocketErrors() {
  }

  /**
   * Translates an error the JDK reported for a system call on a socket path.
   *
   * @param syscall the system call, e.g. {@code bind} or {@code connect}
   * @param path the socket path
   * @param error what the JDK threw
   * @return the specific exception (with {@code error} as its cause) to throw instead
   */
  static IOException translate(String syscall, Path path, IOException error) {
    if (error instanceof PathTooLongException || error instanceof AddressInUseException
        || error instanceof PermissionDeniedException || error instanceof NotADirectoryException) {
      return error;
    }
    return of(syscall, path, Kind.of(error), error);
  }

  /**
   * Builds the exception for a condition.
   *
   * @param syscall the system call, e.g. {@code bind} or {@code connect}
   * @param path the socket path
   * @param kind what went wrong
   * @param cause the lower-level error, or null
   * @return the exception to throw; its message names the call, the path and the {@code errno}
   */
  static IOException of(String syscall, Path path, Kind kind, IOException cause) {
    String head = syscall + " " + path + ": ";
    switch (kind) {
      case ADDRESS_IN_USE:
        return new AddressInUseException(path,
            head + "address in use (EADDRINUSE): the path is taken", cause);
      case PERMISSION_DENIED:
        return new PermissionDeniedException(path,
            head + "permission denied (EACCES): " + accessHint(syscall, path), cause);
      case NOT_A_DIRECTORY:
        return new NotADirectoryException(path,
            head + "not a directory (ENOTDIR): " + notADirectory(path) + " is not a directory",
            cause);
      case NO_SUCH_FILE:
        return withCause(!syscall.equals("bind")
            ? new ConnectException(head + "no such file or directory (ENOENT): no server has"
                + " created this socket")
            : new NoSuchFileException(path.toString(), null,
                "no such file or directory (ENOENT): the directory " + path.getParent()
                + " does not exist"), cause);
      case CONNECTION_REFUSED:
        return withCause(new ConnectException(head + "connection refused (ECONNREFUSED): no"
            + " socket accepts there (a stale socket file, or a file that is not a socket)"),
            cause);
      case WRONG_TYPE:
        return withCause(new SocketException(head + "protocol wrong type for socket (EPROTOTYPE):"
            + " the socket there is of another type (stream or datagram)"), cause);
      default:
        return withCause(new SocketException(head + (cause == null ? "failed"
            : cause.getMessage())), cause);
    }
  }

  private static String accessHint(String syscall, Path path) {
    return syscall.equals("bind")
        ? "cannot create a file in " + path.getParent()
        : "no write permission on the socket file, or no search permission on a directory"
            + " above it";
  }

  /** Names the first component of {@code path} that exists and is not a directory. */
  private static String notADirectory(Path path) {
    Path absolute = path.toAbsolutePath();
    Path root = absolute.getRoot();
    Path current = root;
    for (Path name : absolute) {
      current = current == null ? name : current.resolve(name);
      if (current.equals(absolute)) {
        break;
      }
      if (Files.exists(current) && !Files.isDirectory(current)) {
        return current.toString();
      }
    }
    return "a component of the path";
  }

  private static <T extends IOException> T withCause(T exception, IOException cause) {
    if (cause != null) {
      exception.initCause(cause);
    }
    return exception;
  }
}
