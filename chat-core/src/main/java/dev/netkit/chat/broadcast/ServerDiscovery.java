package dev.netkit.chat.broadcast;

import static dev.netkit.codec.Arguments.checkPort;
import static dev.netkit.codec.Arguments.checkPositive;

import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a chat server on the local networks by broadcast (the book's figure 20.4,
 * {@code find_server}): sends a frame with event code 0 — a code no server implements — to the
 * broadcast address of every broadcast-capable interface, and takes the first host that answers
 * with ERROR (a chat server answers {@code please log in}). Other answers (another kind of server
 * on the port) are ignored.
 *
 * <pre>
 *   Optional&lt;InetSocketAddress&gt; server = new ServerDiscovery(2027, Duration.ofSeconds(3))
 *       .find(address -&gt; System.err.println("Broadcasting for a server on " + address));
 * </pre>
 *
 * <p>Broadcasts leave through the host's real interfaces: run it in tests only inside a network
 * namespace.
 */
public final class ServerDiscovery {

  /** How long the book's client waits for an answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  /** The most answers read while waiting, so that a flood cannot keep the search going. */
  public static final int MAX_ANSWERS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(ServerDiscovery.class);
  private static final ChatFrameCodec CODEC = new ChatFrameCodec();
  private static final ChatFrame PROBE = ChatFrame.of(0, new byte[0]);

  private final int port;
  private final Duration timeout;

  /**
   * Creates a search.
   *
   * @param port the chat server port to probe (2027 for the book's)
   * @param timeout how long to wait for the first answer
   * @throws IllegalArgumentException if the port is not 1-65535 or the timeout not positive
   */
  public ServerDiscovery(int port, Duration timeout) {
    this.port = checkPort(port, "port");
    this.timeout = checkPositive(timeout, "timeout");
  }

  /**
   * Probes every broadcast address of this host ({@link BroadcastAddresses#all()}).
   *
   * @param onProbe told each broadcast address before its probe is sent
   * @return the first server that answered with ERROR, or empty if none did in time (or no
   *     interface can broadcast)
   * @throws IOException if the socket cannot be opened or the interfaces cannot be listed
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<InetSocketAddress> find(Consumer<InetAddress> onProbe)
      throws IOException, InterruptedException {
    return find(BroadcastAddresses.all(), onProbe);
  }

  /**
   * Probes the given addresses.
   *
   * @param addresses where to send the probe (broadcast or unicast addresses)
   * @param onProbe told each address before its probe is sent
   * @return the first server that answered with ERROR, or empty if none did in time
   * @throws IOException if the socket cannot be opened
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<InetSocketAddress> find(List<InetAddress> addresses,
      Consumer<InetAddress> onProbe) throws IOException, InterruptedException {
    if (addresses.isEmpty()) {
      return Optional.empty();
    }
    try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        Selector selector = Selector.open()) {
      channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
      channel.bind(null);
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
      ByteBuffer probe = ByteBuffer.wrap(CODEC.encode(PROBE));
      for (InetAddress address : addresses) {
        onProbe.accept(address);
        try {
          channel.send(probe.duplicate(), new InetSocketAddress(address, port));
        } catch (IOException e) {
          LOG.debug("probe to {} not sent: {}", address, e.toString());
        }
      }
      return awaitAnswer(channel, selector);
    }
  }

  private Optional<InetSocketAddress> awaitAnswer(DatagramChannel channel, Selector selector)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteBuffer buffer = ByteBuffer.allocate(CODEC.maxDatagramSize() + 1);
    for (int answers = 0; answers < MAX_ANSWERS; ) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      selector.selectedKeys().clear();
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      for (SocketAddress from = receive(channel, buffer); from != null;
          from = receive(channel, buffer)) {
        answers++;
        if (isChatError(buffer)) {
          return Optional.of((InetSocketAddress) from);
        }
      }
    }
    return Optional.empty();
  }

  private static SocketAddress receive(DatagramChannel channel, ByteBuffer buffer) {
    buffer.clear();
    try {
      SocketAddress from = channel.receive(buffer);
      buffer.flip();
      return from;
    } catch (IOException e) {
      // An ICMP error for one of the probes: not an answer.
      return null;
    }
  }

  private static boolean isChatError(ByteBuffer datagram) {
    try {
      return CODEC.decode(datagram).is(ChatEvent.ERROR);
    } catch (ProtocolException e) {
      return false;
    }
  }
}
