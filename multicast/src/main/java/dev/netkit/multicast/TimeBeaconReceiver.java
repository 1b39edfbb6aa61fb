package dev.netkit.multicast;

import dev.netkit.codec.DatagramText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The time-of-day beacon's client (the book's {@code mcast_client.pl}, figure 21.5): binds the
 * beacon port (with address reuse, so several clients can run on one host), joins the group and
 * returns each beacon with its sender.
 *
 * <pre>
 *   try (TimeBeaconReceiver receiver = TimeBeaconReceiver.open(2070, group, Optional.empty())) {
 *     while (true) {
 *       System.out.println(receiver.receive());   // 10.0.0.5: Thu Nov 26 00:00:15 2026/gw
 *     }
 *   }
 * </pre>
 */
public final class TimeBeaconReceiver implements AutoCloseable {

  /** The longest beacon kept, in bytes; longer datagrams are cut off. */
  public static final int MAX_BEACON = 1024;

  private final MulticastEndpoint endpoint;
  private final ByteBuffer buffer = ByteBuffer.allocate(MAX_BEACON);

  private TimeBeaconReceiver(MulticastEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Binds the port and joins the group.
   *
   * @param port the beacon port
   * @param group the beacon group
   * @param networkInterface where to join, or empty for
   *     {@link MulticastEndpoint#defaultInterface()}
   * @return the receiver
   * @throws IOException if binding or joining fails
   * @throws IllegalArgumentException if {@code group} is not multicast or the interface cannot
   *     multicast
   */
  public static TimeBeaconReceiver open(int port, InetAddress group,
      Optional<NetworkInterface> networkInterface) throws IOException {
    Objects.requireNonNull(networkInterface, "networkInterface");
    MulticastEndpoint endpoint = MulticastEndpoint.forGroup(group);
    try {
      endpoint.bind(port);
      if (networkInterface.isPresent()) {
        endpoint.join(group, networkInterface.get());
      } else {
        endpoint.join(group);
      }
    } catch (IOException | RuntimeException e) {
      endpoint.close();
      throw e;
    }
    return new TimeBeaconReceiver(endpoint);
  }

  /**
   * Waits for the next beacon.
   *
   * @return the beacon and who sent it
   * @throws IOException if receiving fails or the receiver is closed
   */
  public synchronized Beacon receive() throws IOException {
    buffer.clear();
    InetSocketAddress sender = endpoint.receive(buffer);
    buffer.flip();
    return new Beacon(sender, DatagramText.decode(buffer));
  }

  /**
   * Returns the socket, for its memberships and options.
   *
   * @return the endpoint
   */
  public MulticastEndpoint endpoint() {
    return endpoint;
  }

  /** Closes the socket (a blocked {@link #receive()} fails). Idempotent. */
  @Override
  public void close() throws IOException {
    endpoint.close();
  }

  /**
   * One received beacon.
   *
   * @param sender the sender's address and port
   * @param text the beacon text, {@code <ctime>/<hostname>} from a netkit or book server, decoded
   *     as every datagram is ({@link dev.netkit.codec.DatagramText}: UTF-8, or ISO-8859-1 when
   *     the bytes are not valid UTF-8)
   */
  public record Beacon(InetSocketAddress sender, String text) {

    /**
     * Formats the beacon as the book's client prints it.
     *
     * @return {@code <sender address>: <text>}
     */
    @Override
    public String toString() {
      return sender.getAddress().getHostAddress() + ": " + text;
    }
  }
}
