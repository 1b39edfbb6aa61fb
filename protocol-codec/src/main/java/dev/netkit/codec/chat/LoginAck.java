package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;

/**
 * {@link ChatEvent#LOGIN_ACK}: the server confirms a login.
 *
 * <pre>
 *   payload: "bob"
 * </pre>
 *
 * @param nick the nickname granted, one word
 */
public record LoginAck(String nick) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws IllegalArgumentException if {@code nick} is empty or has a space
   * @throws NullPointerException if {@code nick} is null
   */
  public LoginAck {
    Fields.word(nick, "nick");
  }

  /**
   * Parses the payload.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException if the payload is not exactly one word
   */
  public static LoginAck parse(String payload) {
    return new LoginAck(new PayloadReader(ChatEvent.LOGIN_ACK, payload).lastWord("nick"));
  }

  /**
   * Returns {@link ChatEvent#LOGIN_ACK}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.LOGIN_ACK;
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
