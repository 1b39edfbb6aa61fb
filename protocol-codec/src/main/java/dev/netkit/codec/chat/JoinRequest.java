package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;

/**
 * {@link ChatEvent#JOIN_REQ}: a client asks to join (or make current) a channel.
 *
 * <pre>
 *   payload: "Weather"
 * </pre>
 *
 * @param title the channel title, one word (servers match it case-insensitively)
 */
public record JoinRequest(String title) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws IllegalArgumentException if {@code title} is empty or has a space
   * @throws NullPointerException if {@code title} is null
   */
  public JoinRequest {
    Fields.word(title, "title");
  }

  /**
   * Parses the payload.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException if the payload is not exactly one word
   */
  public static JoinRequest parse(String payload) {
    return new JoinRequest(new PayloadReader(ChatEvent.JOIN_REQ, payload).lastWord("title"));
  }

  /**
   * Returns {@link ChatEvent#JOIN_REQ}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.JOIN_REQ;
  }

  /**
   * Formats the payload.
   *
   * @return {@code title}
   */
  @Override
  public String format() {
    return title;
  }
}
