package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;

/**
 * {@link ChatEvent#SET_MCAST_PORT}: the multicast chat server tells a client which port its
 * channel groups use (2028 by default).
 *
 * <pre>
 *   payload: "2028"
 * </pre>
 *
 * @param port the UDP port, 0-65535
 */
public record SetMcastPort(int port) implements ChatPayload {

  /** The largest port number. */
  public static final int MAX_PORT = 65_535;

  /**
   * Checks the part.
   *
   * @throws IllegalArgumentException if {@code port} is not 0-65535
   */
  public SetMcastPort {
    Fields.number(port, MAX_PORT, "port");
  }

  /**
   * Parses the payload: one decimal.
   *
   * @param payload the payload text
   * @return the record
   * @throws MalformedFrameException unless the payload is a decimal 0-65535 and nothing else
   */
  public static SetMcastPort parse(String payload) {
    return new SetMcastPort(
        (int) new PayloadReader(ChatEvent.SET_MCAST_PORT, payload).lastNumber("port", MAX_PORT));
  }

  /**
   * Returns {@link ChatEvent#SET_MCAST_PORT}.
   *
   * @return the event
   */
  @Override
  public ChatEvent event() {
    return ChatEvent.SET_MCAST_PORT;
  }

  /**
   * Formats the payload.
   *
   * @return the port in decimal
   */
  @Override
  public String format() {
    return Integer.toString(port);
  }
}
