package dev.netkit.jni;

/** EBADF or ENOTSOCK: the descriptor is closed (or now names something that is not a socket). */
public class BadDescriptorSocketException extends NativeSocketException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message, naming the system call
   * @param errno the error number the call set
   * @param syscall the system call that failed
   */
  public BadDescriptorSocketException(String message, int errno, String syscall) {
    super(message, errno, syscall);
  }
}
