package dev.netkit.codec.chat;

/**
 * {@link ChatEvent#LIST_CHANNELS}: a client asks for every channel (answered by
 * {@link ChannelItem}s).
 *
 * <pre>
 *   payload: ""   (whatever a peer sends is ignored, as the book's server does)
 * </pre>
 */
public record ListChannels() implements ChatPayload {

  /**
   * Parses the payload, which carries nothing.
   *
   * @param payload the payload text, ignored
   * @return the record
   */
  public static ListChannels parse(String payload) {
    return new ListChannels();
  }

  /**
   * Returns {@link ChatEvent#LIST_CHANNELS}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.LIST_CHANNELS;
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
