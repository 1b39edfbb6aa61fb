package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ChatEvent#USER_ITEM}: one user in the answer to {@link ListUsers}, with the channels
 * the user is in, current channel first.
 *
 * <pre>
 *   payload: "alice 125 Weather Pets"   user "alice", online 125 s, channels [Weather, Pets]
 *   payload: "bob 3"                    user "bob", online 3 s, no channels
 * </pre>
 *
 * @param user the nickname, one word
 * @param secondsOnline how long the user has been logged in, in seconds
 * @param channels the channel titles (one word each), current first
 */
public record UserItem(String user, long secondsOnline, List<String> channels)
    implements ChatPayload {

  /**
   * Checks the parts and copies the list.
   *
   * @throws IllegalArgumentException if {@code user} or a channel is empty or has a space, or
   *     {@code secondsOnline} is negative
   * @throws NullPointerException if a part is null
   */
  public UserItem {
    Fields.word(user, "user");
    Fields.number(secondsOnline, Long.MAX_VALUE, "secondsOnline");
    channels = List.copyOf(channels);
    channels.forEach(channel -> Fields.word(channel, "channel"));
  }

  /**
   * Parses the payload {@code user seconds-online chan1 chan2 …}.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException if the user is missing, the seconds are not a decimal, or a
   *     channel is empty (two spaces in a row)
   */
  public static UserItem parse(String payload) {
    PayloadReader reader = new PayloadReader(ChatEvent.USER_ITEM, payload);
    String user = reader.word("user");
    long seconds = reader.number("seconds-online", Long.MAX_VALUE);
    List<String> channels = new ArrayList<>();
    while (!reader.atEnd()) {
      channels.add(reader.word("channel"));
    }
    return new UserItem(user, seconds, channels);
  }

  /**
   * Returns {@link ChatEvent#USER_ITEM}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.USER_ITEM;
  }

  /**
   * Formats the payload.
   *
   * @return {@code user seconds-online chan1 chan2 …}
   */
  @Override
  public String format() {
    StringBuilder out = new StringBuilder(user).append(' ').append(secondsOnline);
    channels.forEach(channel -> out.append(' ').append(channel));
    return out.toString();
  }
}
