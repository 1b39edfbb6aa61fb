package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;

/**
 * {@link ChatEvent#LOGIN_REQ}: a client asks to log in under a nickname.
 *
 * <pre>
 *   payload: "bob"
 * </pre>
 *
 * @param nick the nickname asked for, one word
 */
public record LoginRequest(String nick) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws IllegalArgumentException if {@code nick} is empty or has a space
   * @throws NullPointerException if {@code nick} is null
   */
  public LoginRequest {
    Fields.word(nick, "nick");
  }

  /**
   * Parses the payload.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException if the payload is not exactly one word
   */
  public static LoginRequest parse(String payload) {
    return new LoginRequest(new PayloadReader(ChatEvent.LOGIN_REQ, payload).lastWord("nick"));
  }

  /**
   * Returns {@link ChatEvent#LOGIN_REQ}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.LOGIN_REQ;
  }

  /**
   * Formats the payload.
   *
   * @return {@code nick}
   */
  @Override
  public String format() {
    return nick;
  }
}
