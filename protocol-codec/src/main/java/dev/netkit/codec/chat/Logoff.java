package dev.netkit.codec.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link ChatEvent#LOGOFF}: a client signs off. Table 19.1 of the book has the client send its
 * nickname; servers identify users by address and ignore it, so any payload is accepted.
 *
 * <pre>
 *   payload: "bob"   nick "bob"
 *   payload: ""      no nick
 * </pre>
 *
 * @param nick the nickname the client sent (any non-empty text), or empty
 */
public record Logoff(Optional<String> nick) implements ChatPayload {

  /**
   * Checks the part.
   *
   * @throws IllegalArgumentException if {@code nick} holds an empty string (use empty instead)
   * @throws NullPointerException if {@code nick} is null
   */
  public Logoff {
    Objects.requireNonNull(nick, "nick");
    if (nick.filter(String::isEmpty).isPresent()) {
      throw new IllegalArgumentException("nick : \"\" (expected: non-empty, or no nick)");
    }
  }

  /**
   * Creates a logoff without a nickname.
   *
   * @return the record
   */
  public static Logoff withoutNick() {
    return new Logoff(Optional.empty());
  }

  /**
   * Parses the payload: all of it is the nickname, none when empty.
   *
   * @param payload the payload text
   * @return the record
   */
  public static Logoff parse(String payload) {
    return new Logoff(Optional.of(payload).filter(p -> !p.isEmpty()));
  }

  /**
   * Returns {@link ChatEvent#LOGOFF}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.LOGOFF;
  }

  /**
   * Formats the payload.
   *
   * @return the nickname, or the empty string
   */
  @Override
  public String format() {
    return nick.orElse("");
  }
}
