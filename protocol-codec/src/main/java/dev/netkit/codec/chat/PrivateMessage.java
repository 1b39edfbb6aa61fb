package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;
import java.util.Objects;

/**
 * {@link ChatEvent#PRIVATE_MSG}: the server delivers a private message.
 *
 * <pre>
 *   payload: "alice are you there?"    sender "alice", text "are you there?"
 * </pre>
 *
 * @param sender the sender's nickname, one word
 * @param text the message, any text (may be empty)
 */
public record PrivateMessage(String sender, String text) implements ChatPayload {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code sender} is empty or has a space
   * @throws NullPointerException if a part is null
   */
  public PrivateMessage {
    Fields.word(sender, "sender");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Parses the payload {@code sender text}; a payload without a space is a sender with no text.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException if the sender is missing
   */
  public static PrivateMessage parse(String payload) {
    PayloadReader reader = new PayloadReader(ChatEvent.PRIVATE_MSG, payload);
    return new PrivateMessage(reader.word("sender"), reader.rest());
  }

  /**
   * Returns {@link ChatEvent#PRIVATE_MSG}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.PRIVATE_MSG;
  }

  /**
   * Formats the payload.
   *
   * @return {@code sender text}
   */
  @Override
  public String format() {
    return sender + " " + text;
  }
}
