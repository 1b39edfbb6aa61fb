package dev.netkit.codec.chat;

/**
 * {@link ChatEvent#LIST_USERS}: a client asks for the users of its current channel (answered by
 * {@link UserItem}s).
 *
 * <pre>
 *   payload: ""   (whatever a peer sends is ignored, as the book's server does)
 * </pre>
 */
public record ListUsers() implements ChatPayload {

  /**
   * Parses the payload, which carries nothing.
   *
   * @param payload the payload text, ignored
   * @return the record
   */
  public static ListUsers parse(String payload) {
    return new ListUsers();
  }

  /**
   * Returns {@link ChatEvent#LIST_USERS}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.LIST_USERS;
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
