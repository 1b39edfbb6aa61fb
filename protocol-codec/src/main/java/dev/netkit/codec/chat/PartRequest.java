package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ChatEvent#PART_REQ}: a client asks to leave a channel, by default its current one.
 *
 * <pre>
 *   payload: "Weather"   leave Weather
 *   payload: ""          leave the current channel
 * </pre>
 *
 * @param title the channel title (one word), or empty for the current channel
 */
public record PartRequest(Optional<String> title) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws IllegalArgumentException if {@code title} holds an empty string or one with a space
   * @throws NullPointerException if {@code title} is null
   */
  public PartRequest {
    Objects.requireNonNull(title, "title").ifPresent(t -> Fields.word(t, "title"));
  }

  /**
   * Creates a request to leave the current channel.
   *
   * @return the record without a title
   */
  public static PartRequest currentChannel() {
    return new PartRequest(Optional.empty());
  }

  /**
   * Creates a request to leave a named channel.
   *
   * @param title the channel title, one word
   * @return the record
   */
  public static PartRequest of(String title) {
    return new PartRequest(Optional.of(title));
  }

  /**
   * Parses the payload: empty, or one word.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException if the payload is more than one word
   */
  public static PartRequest parse(String payload) {
    return payload.isEmpty()
        ? currentChannel()
        : of(new PayloadReader(ChatEvent.PART_REQ, payload).lastWord("title"));
  }

  /**
   * Returns {@link ChatEvent#PART_REQ}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.PART_REQ;
  }

  /**
   * Formats the payload.
   *
   * @return the title, or the empty string
   */
  @Override
  public String format() {
    return title.orElse("");
  }
}
