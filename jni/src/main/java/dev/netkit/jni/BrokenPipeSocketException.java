package dev.netkit.jni;

/** EPIPE: the connection can no longer send (the peer closed it, or output was shut down). */
public class BrokenPipeSocketException extends NativeSocketException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message, naming the system call
   * @param errno the error number the call set
   * @param syscall the system call that failed
   */
  public BrokenPipeSocketException(String message, int errno, String syscall) {
    super(message, errno, syscall);
  }
}
