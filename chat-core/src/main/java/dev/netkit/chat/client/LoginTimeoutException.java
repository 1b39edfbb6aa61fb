package dev.netkit.chat.client;

import java.net.SocketTimeoutException;

/** No answer came to any of a login's LOGIN_REQ tries. */
public class LoginTimeoutException extends SocketTimeoutException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the server, the tries and the interval
   */
  public LoginTimeoutException(String message) {
    super(message);
  }
}
