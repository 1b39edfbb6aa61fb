package dev.netkit.chat.client;

import java.io.IOException;

/** The server answered a LOGIN_REQ with ERROR, e.g. {@code nickname already in use}. */
public class LoginRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String serverMessage;

  /**
   * Creates the exception.
   *
   * @param serverMessage the server's error text
   */
  public LoginRefusedException(String serverMessage) {
    super("login refused: " + serverMessage);
    this.serverMessage = serverMessage;
  }

  /**
   * Returns what the server said.
   *
   * @return the ERROR payload, e.g. {@code invalid nickname}
   */
  public String serverMessage() {
    return serverMessage;
  }
}
