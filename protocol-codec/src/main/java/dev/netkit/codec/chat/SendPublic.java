package dev.netkit.codec.chat;

import java.util.Objects;

/**
 * {@link ChatEvent#SEND_PUBLIC}: a client says something on its current channel.
 *
 * <pre>
 *   payload: "hello, world"
 * </pre>
 *
 * @param text the message, any text (may be empty)
 */
public record SendPublic(String text) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public SendPublic {
    Objects.requireNonNull(text, "text");
  }

  /**
   * Parses the payload: all of it is the text.
   *
   * @param payload the payload text
   * @return the record
   */
  public static SendPublic parse(String payload) {
    return new SendPublic(payload);
  }

  /**
   * Returns {@link ChatEvent#SEND_PUBLIC}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.SEND_PUBLIC;
  }

  /**
   * Formats the payload.
   *
   * @return {@code text}
   */
  @Override
  public String format() {
    return text;
  }
}
