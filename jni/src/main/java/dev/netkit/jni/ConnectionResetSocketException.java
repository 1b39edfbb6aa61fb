package dev.netkit.jni;

/** ECONNRESET: the peer reset the connection. */
public class ConnectionResetSocketException extends NativeSocketException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message, naming the system call
   * @param errno the error number the call set
   * @param syscall the system call that failed
   */
  public ConnectionResetSocketException(String message, int errno, String syscall) {
    super(message, errno, syscall);
  }
}
