package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;
import java.util.Objects;

/**
 * {@link ChatEvent#PUBLIC_MSG}: the server relays a public message to a channel's members (the
 * sender included).
 *
 * <pre>
 *   payload: "Weather alice it is raining"   channel "Weather", user "alice", text "it is raining"
 * </pre>
 *
 * @param channel the channel title, one word
 * @param user the sender's nickname, one word
 * @param text the message, any text (may be empty)
 */
public record PublicMessage(String channel, String user, String text) implements ChatPayload {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code channel} or {@code user} is empty or has a space
   * @throws NullPointerException if a part is null
   */
  public PublicMessage {
    Fields.word(channel, "channel");
    Fields.word(user, "user");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Parses the payload {@code channel user text}; without a text part the text is empty.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException if the channel or the user is missing
   */
  public static PublicMessage parse(String payload) {
    PayloadReader reader = new PayloadReader(ChatEvent.PUBLIC_MSG, payload);
    return new PublicMessage(reader.word("channel"), reader.word("user"), reader.rest());
  }

  /**
   * Returns {@link ChatEvent#PUBLIC_MSG}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.PUBLIC_MSG;
  }

  /**
   * Formats the payload.
   *
   * @return {@code channel user text}
   */
  @Override
  public String format() {
    return channel + " " + user + " " + text;
  }
}
