package dev.netkit.chat.server;

import dev.netkit.codec.chat.ChannelInfo;
import java.nio.ByteBuffer;

/**
 * The fan-out of chapter 19: one datagram per member, in join order, and channels described in
 * the standard form {@code title count description} (a configured multicast group is not shown).
 */
public final class UnicastFanOut implements FanOut {

  /** Creates the strategy; it holds nothing. */
  public UnicastFanOut() {
  }

  /**
   * Sends the frame to each member's address in turn.
   *
   * @param channel the channel
   * @param datagram the encoded frame
   * @param outbox the server's socket
   */
  @Override
  public void deliver(ChannelView channel, ByteBuffer datagram, Outbox outbox) {
    for (UserView member : channel.members()) {
      outbox.send(datagram, member.address());
    }
  }

  /**
   * Describes the channel without its group.
   *
   * @param channel the channel
   * @return {@code title count description}
   */
  @Override
  public ChannelInfo describe(ChannelView channel) {
    return ChannelInfo.of(channel.title(), channel.memberCount(),
        channel.definition().description());
  }
}
