package dev.netkit.codec;

/**
 * The size limit of a UDP datagram, named once for every netkit datagram codec, server, client and
 * proxy.
 *
 * <p>A UDP payload over IPv4 is at most {@value #MAX_UDP_PAYLOAD} bytes: 65535 (the IP total
 * length field) minus 20 bytes of IP header and 8 bytes of UDP header. A configured datagram limit
 * above that could never be reached and would only waste buffer memory.
 */
public final class DatagramSize {

  /** The largest UDP payload over IPv4: 65535 - 20 (IP header) - 8 (UDP header) = 65507 bytes. */
  public static final int MAX_UDP_PAYLOAD = 65_507;

  private DatagramSize() {
  }

  /**
   * Checks a configured datagram size limit, failing with the Netty style message of
   * {@link Arguments}, e.g. {@code maxDatagram : 0 (expected: 1-65507)}.
   *
   * @param bytes the limit
   * @param min the smallest limit allowed (e.g. 1, or a frame's header length)
   * @param name the argument's name in the message
   * @return {@code bytes}
   * @throws IllegalArgumentException if {@code bytes} is outside {@code min..}{@value
   *     #MAX_UDP_PAYLOAD}, or {@code min} is not 0-{@value #MAX_UDP_PAYLOAD}
   */
  public static int checkMaxDatagram(int bytes, int min, String name) {
    Arguments.checkInRange(min, 0, MAX_UDP_PAYLOAD, "min");
    return Arguments.checkInRange(bytes, min, MAX_UDP_PAYLOAD, name);
  }
}
