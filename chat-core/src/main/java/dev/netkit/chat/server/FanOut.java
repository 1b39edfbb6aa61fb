package dev.netkit.chat.server;

import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChatPayload;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The strategy that gets channel traffic to a channel's members — the one part of the chat server
 * that chapter 21's multicast chat changes. The server's logic (users, channels, dispatch,
 * keep-alive, limits) calls it and never looks at how delivery is done:
 *
 * <ul>
 *   <li>{@link #deliver} gets every frame meant for all members of a channel: USER_JOINS (before
 *       the joiner is added), USER_PARTS (after the leaver is removed) and PUBLIC_MSG. The unicast
 *       strategy ({@link UnicastFanOut}) sends one datagram per member; a multicast strategy sends
 *       one datagram to the channel's group (from {@link ChannelView#definition()}) instead.</li>
 *   <li>{@link #describe} renders a channel for JOIN_ACK, PART_ACK and CHANNEL_ITEM:
 *       {@link ChannelInfo#of} (standard form) for unicast, {@link ChannelInfo#multicast} (with the
 *       group, so that clients know what to join) for multicast.</li>
 *   <li>{@link #afterLogin} returns the frames sent right after LOGIN_ACK: none for unicast,
 *       SET_MCAST_PORT for multicast.</li>
 * </ul>
 *
 * <p>Plug one in with {@link ChatServerConfig.Builder#fanOut}; the server calls every method on
 * its single thread, and {@link #close()} when it closes.
 */
public interface FanOut extends AutoCloseable {

  /**
   * Sends one encoded frame to every member of a channel.
   *
   * @param channel the channel, members as they are at the moment of the call
   * @param datagram the encoded frame; valid only during this call, position to be left unchanged
   * @param outbox the server's socket, for strategies that send unicast datagrams
   */
  void deliver(ChannelView channel, ByteBuffer datagram, Outbox outbox);

  /**
   * Describes a channel for JOIN_ACK, PART_ACK and CHANNEL_ITEM.
   *
   * @param channel the channel
   * @return its title, member count, description and, in the multicast form, group
   */
  ChannelInfo describe(ChannelView channel);

  /**
   * Returns the frames that follow LOGIN_ACK for a new user.
   *
   * @param user the user who just logged in
   * @return payloads sent to the user in order; none by default
   */
  default List<ChatPayload> afterLogin(UserView user) {
    return List.of();
  }

  /** Releases what the strategy holds (sockets); the server calls it once, when it closes. */
  @Override
  default void close() {
  }
}
