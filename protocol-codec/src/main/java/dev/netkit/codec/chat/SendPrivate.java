package dev.netkit.codec.chat;

import dev.netkit.codec.ProtocolException;
import java.util.Objects;

/**
 * {@link ChatEvent#SEND_PRIVATE}: a client sends a private message to one user.
 *
 * <pre>
 *   payload: "bob are you there?"   recipient "bob", text "are you there?"
 *   payload: "bob"                  recipient "bob", empty text
 *   payload: " hello", ""           no recipient: hasRecipient() is false
 * </pre>
 *
 * <p>Parsing never fails: a missing recipient is a request the server answers with ERROR
 * {@code no nickname given for recipient of private message}, so it stays visible as an empty
 * {@link #recipient()}.
 *
 * @param recipient the recipient's nickname, one word, or empty when none was given
 * @param text the message, any text (may be empty)
 */
public record SendPrivate(String recipient, String text) implements ChatPayload {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code recipient} has a space
   * @throws NullPointerException if a part is null
   */
  public SendPrivate {
    Objects.requireNonNull(recipient, "recipient");
    if (recipient.indexOf(' ') >= 0) {
      throw new IllegalArgumentException("recipient : " + ProtocolException.quote(recipient)
          + " (expected: a word without spaces)");
    }
    Objects.requireNonNull(text, "text");
  }

  /**
   * Parses the payload {@code recipient text}: the recipient is everything up to the first space
   * (possibly nothing), the text everything after it.
   *
   * @param payload the payload text
   * @return the record
   */
  public static SendPrivate parse(String payload) {
    int space = payload.indexOf(' ');
    return space < 0
        ? new SendPrivate(payload, "")
        : new SendPrivate(payload.substring(0, space), payload.substring(space + 1));
  }

  /**
   * Tells whether the client named a recipient.
   *
   * @return false when the recipient is empty
   */
  public boolean hasRecipient() {
    return !recipient.isEmpty();
  }

  /**
   * Returns {@link ChatEvent#SEND_PRIVATE}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.SEND_PRIVATE;
  }

  /**
   * Formats the payload.
   *
   * @return {@code recipient text}
   */
  @Override
  public String format() {
    return recipient + " " + text;
  }
}
