package dev.netkit.jni;

/** ENOTCONN: the socket is not connected (a listening or unconnected socket). */
public class NotConnectedSocketException extends NativeSocketException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message, naming the system call
   * @param errno the error number the call set
   * @param syscall the system call that failed
   */
  public NotConnectedSocketException(String message, int errno, String syscall) {
    super(message, errno, syscall);
  }
}
