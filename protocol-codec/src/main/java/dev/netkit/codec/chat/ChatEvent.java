package dev.netkit.codec.chat;

import java.util.Optional;

/**
 * The event codes of the book's chat protocol (table 19.1 and {@code ChatObjects::ChatCodes}).
 * A code that is not listed here is still a valid {@link ChatFrame}: its number is kept and
 * {@link ChatFrame#event()} is empty, so a server can answer {@code unimplemented event code}.
 */
public enum ChatEvent {
  /** Server → client: {@code message}. */
  ERROR(10),
  /** Client → server: {@code nick}. */
  LOGIN_REQ(20),
  /** Server → client: {@code nick}. */
  LOGIN_ACK(30),
  /** Client → server: an optional {@code nick} (the server ignores it). */
  LOGOFF(40),
  /** Client → server: {@code title}. */
  JOIN_REQ(50),
  /**
   * Server → client: {@code title count description}, multicast variant
   * {@code title count group description}.
   */
  JOIN_ACK(60),
  /** Client → server: an optional {@code title} (none: the current channel). */
  PART_REQ(70),
  /** Server → client: like {@link #JOIN_ACK}. */
  PART_ACK(80),
  /** Client → server: {@code text}. */
  SEND_PUBLIC(90),
  /** Server → client: {@code channel user text}. */
  PUBLIC_MSG(100),
  /** Client → server: {@code user text}. */
  SEND_PRIVATE(120),
  /** Server → client: {@code sender text}. */
  PRIVATE_MSG(130),
  /** Server → client: {@code channel user}. */
  USER_JOINS(140),
  /** Server → client: {@code channel user}. */
  USER_PARTS(150),
  /** Client → server: no payload. */
  LIST_CHANNELS(160),
  /** Server → client: like {@link #JOIN_ACK}. */
  CHANNEL_ITEM(170),
  /** Client → server: no payload. */
  LIST_USERS(180),
  /** Server → client: {@code user seconds-online chan1 chan2 …}. */
  USER_ITEM(190),
  /** Client → server keep-alive: no payload. */
  STILL_HERE(200),
  /** Server → client: {@code port} of the multicast data socket. */
  SET_MCAST_PORT(210);

  private static final int HIGHEST_CODE = 210;
  private static final ChatEvent[] BY_CODE = new ChatEvent[HIGHEST_CODE + 1];

  static {
    for (ChatEvent event : values()) {
      BY_CODE[event.code] = event;
    }
  }

  private final int code;

  ChatEvent(int code) {
    this.code = code;
  }

  /**
   * Returns the code sent on the wire.
   *
   * @return the 16-bit event code
   */
  public int code() {
    return code;
  }

  /**
   * Looks up an event by its wire code.
   *
   * @param code any number
   * @return the event, or empty when the code is unknown
   */
  public static Optional<ChatEvent> forCode(int code) {
    return code >= 0 && code <= HIGHEST_CODE
        ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
  }
}
