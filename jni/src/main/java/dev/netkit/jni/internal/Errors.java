package dev.netkit.jni.internal;

import dev.netkit.jni.BadDescriptorSocketException;
import dev.netkit.jni.BrokenPipeSocketException;
import dev.netkit.jni.ConnectionResetSocketException;
import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.NativeSocketException;
import dev.netkit.jni.NotConnectedSocketException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;

/**
 * Turns the {@code -errno} results of {@link Natives} into {@link IOException}s whose messages
 * name the system call: {@code sockatmark failed: Bad file descriptor (EBADF)}. Reuses
 * {@code java.net} types where they fit ({@link ConnectException}, {@link BindException}); other
 * errno values get the small {@link NativeSocketException} subclasses. The errno values come from
 * C, so nothing here depends on one platform's numbering.
 */
final class Errors {

  /** The platform's values; all 0 without the library (no native result to check then). */
  private static final int[] ERRNO = NativeLibrary.isAvailable() ? Natives.errnoConstants()
      : new int[Natives.ERRNO_COUNT];

  /** Resource temporarily unavailable: nothing to do without blocking. */
  static final int EAGAIN = ERRNO[Natives.ERRNO_EAGAIN_INDEX];
  /** The same as {@link #EAGAIN} on Linux; some systems tell them apart. */
  static final int EWOULDBLOCK = ERRNO[Natives.ERRNO_EWOULDBLOCK_INDEX];
  /** Invalid argument. */
  static final int EINVAL = ERRNO[Natives.ERRNO_EINVAL_INDEX];
  static final int EBADF = ERRNO[Natives.ERRNO_EBADF_INDEX];
  static final int ENOTSOCK = ERRNO[Natives.ERRNO_ENOTSOCK_INDEX];
  static final int EPIPE = ERRNO[Natives.ERRNO_EPIPE_INDEX];
  static final int ECONNRESET = ERRNO[Natives.ERRNO_ECONNRESET_INDEX];
  static final int ENOTCONN = ERRNO[Natives.ERRNO_ENOTCONN_INDEX];
  static final int ECONNREFUSED = ERRNO[Natives.ERRNO_ECONNREFUSED_INDEX];
  static final int EADDRINUSE = ERRNO[Natives.ERRNO_EADDRINUSE_INDEX];
  static final int EADDRNOTAVAIL = ERRNO[Natives.ERRNO_EADDRNOTAVAIL_INDEX];
  static final int EOPNOTSUPP = ERRNO[Natives.ERRNO_EOPNOTSUPP_INDEX];

  private Errors() {
  }

  /**
   * Returns a non-negative native result unchanged; turns {@code -errno} into an exception.
   *
   * @param result what a native returned
   * @param syscall the system call, for the message
   * @return {@code result}, when it is not negative
   * @throws IOException for a negative result, see {@link #exception(int, String)}
   */
  static int check(int result, String syscall) throws IOException {
    if (result >= 0) {
      return result;
    }
    throw exception(-result, syscall);
  }

  /** Whether {@code result} is {@code -EAGAIN} or {@code -EWOULDBLOCK}. */
  static boolean wouldBlock(int result) {
    return result == -EAGAIN || result == -EWOULDBLOCK;
  }

  /**
   * The exception for {@code errno} after {@code syscall} failed.
   *
   * @param errno the positive error number
   * @param syscall the system call, for the message
   * @return the exception, not thrown
   */
  static IOException exception(int errno, String syscall) {
    String message = syscall + " failed: " + Natives.errorMessage(errno);
    if (errno == ECONNREFUSED) {
      return new ConnectException(message);
    }
    if (errno == EADDRINUSE || errno == EADDRNOTAVAIL) {
      return new BindException(message);
    }
    if (errno == EBADF || errno == ENOTSOCK) {
      return new BadDescriptorSocketException(message, errno, syscall);
    }
    if (errno == EPIPE) {
      return new BrokenPipeSocketException(message, errno, syscall);
    }
    if (errno == ECONNRESET) {
      return new ConnectionResetSocketException(message, errno, syscall);
    }
    if (errno == ENOTCONN) {
      return new NotConnectedSocketException(message, errno, syscall);
    }
    return new NativeSocketException(message, errno, syscall);
  }
}
