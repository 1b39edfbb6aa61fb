package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;
import java.util.Objects;

/**
 * {@link ChatEvent#CHANNEL_ITEM}: one channel in the answer to {@link ListChannels}.
 *
 * <pre>
 *   standard:  "Weather 3 Rain, sun and wind"            {@link #parse(String)}
 *   multicast: "Weather 3 225.1.0.2 Rain, sun and wind"  {@link #parseMulticast(String)}
 * </pre>
 *
 * @param channel the channel's title, member count, group (multicast form) and description
 */
public record ChannelItem(ChannelInfo channel) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws NullPointerException if {@code channel} is null
   */
  public ChannelItem {
    Objects.requireNonNull(channel, "channel");
  }

  /**
   * Parses the standard form {@code title count description}.
   *
   * @param payload the payload text
   * @return the record, without a group
   * @throws MalformedFrameException if the title is missing or the count is not a decimal
   */
  public static ChannelItem parse(String payload) {
    return new ChannelItem(
        ChannelInfo.parse(ChatEvent.CHANNEL_ITEM, payload, ChannelFormat.STANDARD));
  }

  /**
   * Parses the multicast form {@code title count group description}.
   *
   * @param payload the payload text
   * @return the record, with a group
   * @throws MalformedFrameException if the title is missing, the count is not a decimal or the
   *     group is not an IPv4 dotted quad
   */
  public static ChannelItem parseMulticast(String payload) {
    return new ChannelItem(
        ChannelInfo.parse(ChatEvent.CHANNEL_ITEM, payload, ChannelFormat.MULTICAST));
  }

  /**
   * Returns {@link ChatEvent#CHANNEL_ITEM}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.CHANNEL_ITEM;
  }

  /**
   * Formats the payload, with the group exactly when the channel has one.
   *
   * @return {@link ChannelInfo#format()}
   */
  @Override
  public String format() {
    return channel.format();
  }
}
