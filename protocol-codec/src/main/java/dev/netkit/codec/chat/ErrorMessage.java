package dev.netkit.codec.chat;

import java.util.Objects;

/**
 * {@link ChatEvent#ERROR}: the server reports an error, e.g. {@code please log in}.
 *
 * <pre>
 *   payload: "no channel named Knitting"
 * </pre>
 *
 * @param message the error text, any text
 */
public record ErrorMessage(String message) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public ErrorMessage {
    Objects.requireNonNull(message, "message");
  }

  /**
   * Parses the payload: all of it is the message.
   *
   * @param payload the payload text
   * @return the record
   */
  public static ErrorMessage parse(String payload) {
    return new ErrorMessage(payload);
  }

  /**
   * Returns {@link ChatEvent#ERROR}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.ERROR;
  }

  /**
   * Formats the payload.
   *
   * @return {@code message}
   */
  @Override
  public String format() {
    return message;
  }
}
