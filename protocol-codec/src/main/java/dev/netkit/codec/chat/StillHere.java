package dev.netkit.codec.chat;

/**
 * {@link ChatEvent#STILL_HERE}: a client's keep-alive (every 30 s in the book).
 *
 * <pre>
 *   payload: ""   (whatever a peer sends is ignored, as the book's server does)
 * </pre>
 */
public record StillHere() implements ChatPayload {

  /**
   * Parses the payload, which carries nothing.
   *
   * @param payload the payload text, ignored
   * @return the record
   */
  public static StillHere parse(String payload) {
    return new StillHere();
  }

  /**
   * Returns {@link ChatEvent#STILL_HERE}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.STILL_HERE;
  }

  /**
   * Formats the payload.
   *
   * @return the empty string
   */
  @Override
  public String format() {
    return "";
  }
}
