package dev.netkit.chat.server;

import java.net.InetSocketAddress;

/**
 * A logged-in user as a {@link FanOut} sees it: read-only, valid only on the server's thread
 * during the call that handed it out.
 */
public interface UserView {

  /**
   * Returns the user's nickname.
   *
   * @return the nickname, unique on the server
   */
  String nickname();

  /**
   * Returns where the user's client is: the source of its datagrams, the key of its session.
   *
   * @return the client's address and port
   */
  InetSocketAddress address();
}
