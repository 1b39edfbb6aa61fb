package dev.netkit.jni;

import java.net.SocketException;

/**
 * A socket system call of the native library failed. The message names the call and the error,
 * e.g. {@code recv(MSG_OOB) failed: Connection reset by peer (ECONNRESET)}; subclasses name the
 * conditions callers commonly handle.
 */
public class NativeSocketException extends SocketException {

  private static final long serialVersionUID = 1L;

  /** The error number the system call set. */
  private final int errno;
  /** The system call that failed. */
  private final String syscall;

  /**
   * Creates the exception.
   *
   * @param message the full message, naming the system call
   * @param errno the error number the call set
   * @param syscall the system call, e.g. {@code sockatmark}
   */
  public NativeSocketException(String message, int errno, String syscall) {
    super(message);
    this.errno = errno;
    this.syscall = syscall;
  }

  /**
   * Returns the error number, as the platform defines it.
   *
   * @return the positive errno value
   */
  public int errno() {
    return errno;
  }

  /**
   * Returns the system call that failed.
   *
   * @return e.g. {@code send(MSG_OOB)}
   */
  public String syscall() {
    return syscall;
  }
}
