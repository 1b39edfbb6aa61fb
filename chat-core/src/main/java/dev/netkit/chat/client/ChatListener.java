package dev.netkit.chat.client;

import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SetMcastPort;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;

/**
 * Receives every event a chat server sends, as typed payloads (the book client's %MESSAGES
 * table). Every method has an empty default, so a listener implements only what it shows.
 *
 * <p>A {@link ChatClient} calls these on its receiving thread, one at a time and in arrival
 * order; frames fed through {@link ChatClient#dispatch} (for example from a multicast socket)
 * arrive through the same methods, serialized with the rest. A listener must not block for long.
 */
public interface ChatListener {

  /**
   * ERROR: the server refused or failed a request.
   *
   * @param error the error text, e.g. {@code no channel named Knitting}
   */
  default void onError(ErrorMessage error) {
  }

  /**
   * LOGIN_ACK: the login succeeded.
   *
   * @param ack the nickname granted
   */
  default void onLoginAck(LoginAck ack) {
  }

  /**
   * JOIN_ACK: a channel was joined or made current (also sent after parting the current channel,
   * for the new current one). A multicast client joins the channel's group here.
   *
   * @param ack the channel, with its group in the multicast form
   */
  default void onJoinAck(JoinAck ack) {
  }

  /**
   * PART_ACK: a channel was left. A multicast client drops the channel's group here.
   *
   * @param ack the channel, with its group in the multicast form
   */
  default void onPartAck(PartAck ack) {
  }

  /**
   * PUBLIC_MSG: someone (possibly this client) said something on a channel.
   *
   * @param message channel, sender and text
   */
  default void onPublicMessage(PublicMessage message) {
  }

  /**
   * PRIVATE_MSG: someone sent this user a private message.
   *
   * @param message sender and text
   */
  default void onPrivateMessage(PrivateMessage message) {
  }

  /**
   * USER_JOINS: someone joined a channel this user is in.
   *
   * @param notice channel and user
   */
  default void onUserJoins(UserJoins notice) {
  }

  /**
   * USER_PARTS: someone left a channel this user is in (or logged out, or was logged out).
   *
   * @param notice channel and user
   */
  default void onUserParts(UserParts notice) {
  }

  /**
   * CHANNEL_ITEM: one channel of a LIST_CHANNELS answer.
   *
   * @param item the channel
   */
  default void onChannelItem(ChannelItem item) {
  }

  /**
   * USER_ITEM: one user of a LIST_USERS answer.
   *
   * @param item the user, time online and channels (current first)
   */
  default void onUserItem(UserItem item) {
  }

  /**
   * SET_MCAST_PORT: the multicast chat server's data port (sent after LOGIN_ACK).
   *
   * @param port the port its channel groups use
   */
  default void onSetMcastPort(SetMcastPort port) {
  }

  /**
   * Something that is not a valid server event arrived: a malformed datagram, an unknown code,
   * a client-to-server code, a payload that does not parse.
   *
   * @param problem what was wrong, with at most 32 bytes of the input in hex
   */
  default void onUnexpected(String problem) {
  }
}
