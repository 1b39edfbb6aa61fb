package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;

/**
 * {@link ChatEvent#USER_JOINS}: a user joined a channel you are in.
 *
 * <pre>
 *   payload: "Weather alice"
 * </pre>
 *
 * @param channel the channel title, one word
 * @param user the user's nickname, one word
 */
public record UserJoins(String channel, String user) implements ChatPayload {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if a part is empty or has a space
   * @throws NullPointerException if a part is null
   */
  public UserJoins {
    ChannelUserPayload.check(channel, user);
  }

  /**
   * Parses the payload {@code channel user}.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException unless the payload is two words
   */
  public static UserJoins parse(String payload) {
    return ChannelUserPayload.parse(ChatEvent.USER_JOINS, payload, UserJoins::new);
  }

  /**
   * Returns {@link ChatEvent#USER_JOINS}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.USER_JOINS;
  }

  /**
   * Formats the payload.
   *
   * @return {@code channel user}
   */
  @Override
  public String format() {
    return ChannelUserPayload.format(channel, user);
  }
}
