package dev.netkit.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Objects;

/**
 * A request/response client with a timeout and retries (book figure 18.6): send, wait up to the
 * timeout for a datagram, and on silence send again, up to a number of tries.
 *
 * <p>Like the book's client it takes any datagram from the server as the reply, so a late reply
 * to an earlier request could be mistaken for the current one; unlike the book's it first drops
 * any such late replies that are already waiting. For real matching use {@link SequencedClient}.
 *
 * <p>The socket is connected to the server, so only its datagrams are read and an ICMP "port
 * unreachable" ends a request at once with a {@link PortUnreachableException}. Not thread-safe:
 * one request at a time.
 */
public final class EchoClient implements AutoCloseable {

  private final InetSocketAddress server;
  private final Config config;
  private final DatagramChannel channel;
  private final Selector selector;
  private final ByteBuffer in;

  /**
   * Opens a client with the default configuration (2 s timeout, 5 tries).
   *
   * @param server the server's address
   * @return the client
   * @throws IOException if the socket cannot be opened or connected
   */
  public static EchoClient open(InetSocketAddress server) throws IOException {
    return open(server, Config.defaults());
  }

  /**
   * Opens a client.
   *
   * @param server the server's address
   * @param config the timeout, the number of tries and the reply limit
   * @return the client
   * @throws IOException if the socket cannot be opened or connected
   */
  public static EchoClient open(InetSocketAddress server, Config config) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.configureBlocking(false);
      channel.connect(server);
      return new EchoClient(server, config, channel, Selector.open());
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  private EchoClient(InetSocketAddress server, Config config, DatagramChannel channel,
      Selector selector) throws IOException {
    this.server = server;
    this.config = config;
    this.channel = channel;
    this.selector = selector;
    this.in = ByteBuffer.allocate(config.maxDatagram());
    channel.register(selector, SelectionKey.OP_READ);
  }

  /**
   * Sends a request and waits for the reply, retrying on timeouts.
   *
   * @param text the request
   * @return the reply's text (see {@link DatagramText} for how bytes become text)
   * @throws SocketTimeoutException if no reply came after every try
   * @throws PortUnreachableException if the OS reports that nothing listens on the server port
   * @throws IOException if sending or receiving fails otherwise
   * @throws IllegalArgumentException if the request is longer than the datagram limit
   */
  public String request(String text) throws IOException {
    byte[] request = DatagramText.encode(text);
    if (request.length > config.maxDatagram()) {
      throw new IllegalArgumentException("request length : " + request.length + " (limit: "
          + config.maxDatagram() + ")");
    }
    dropLateReplies();
    for (int attempt = 1; attempt <= config.tries(); attempt++) {
      channel.write(ByteBuffer.wrap(request));
      if (awaitReply()) {
        return DatagramText.decode(in);
      }
    }
    throw new SocketTimeoutException("no reply from " + server + " after " + config.tries()
        + " tries of " + config.timeout().toMillis() + " ms");
  }

  private void dropLateReplies() throws IOException {
    try {
      // Each datagram read here is a reply to an earlier request that came after its timeout.
      do {
        in.clear();
      } while (channel.receive(in) != null);
    } catch (PortUnreachableException e) {
      // Stale: an ICMP error left by an earlier request; this request gets its own.
    }
  }

  /** Waits up to the timeout; true with the reply flipped in {@link #in}. */
  private boolean awaitReply() throws IOException {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      selector.select(Math.max(1, Duration.ofNanos(left).toMillis()));
      selector.selectedKeys().clear();
      in.clear();
      if (channel.receive(in) != null) {
        in.flip();
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the client's configuration.
   *
   * @return the configuration
   */
  public Config config() {
    return config;
  }

  /**
   * Closes the socket.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    try {
      selector.close();
    } finally {
      channel.close();
    }
  }

  /**
   * How long and how often to try.
   *
   * @param timeout how long to wait for a reply to each try (default 2 s, the book's)
   * @param tries how many times to send a request (default 5, the book's)
   * @param maxDatagram the largest request and reply in bytes (default 5000)
   */
  public record Config(Duration timeout, int tries, int maxDatagram) {

    /** The book's timeout: 2 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** The book's number of tries: 5. */
    public static final int DEFAULT_TRIES = 5;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a value is not positive, or {@code maxDatagram} is above
     *     65507
     */
    public Config {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout : " + timeout + " (expected: > 0)");
      }
      if (tries < 1) {
        throw new IllegalArgumentException("tries : " + tries + " (expected: > 0)");
      }
      if (maxDatagram < 1 || maxDatagram > ReverseEchoServer.Config.MAX_UDP_PAYLOAD) {
        throw new IllegalArgumentException("maxDatagram : " + maxDatagram + " (expected: 1.."
            + ReverseEchoServer.Config.MAX_UDP_PAYLOAD + ")");
      }
    }

    /**
     * Returns the book's defaults: 2 s, 5 tries, 5000 bytes.
     *
     * @return the default configuration
     */
    public static Config defaults() {
      return new Config(DEFAULT_TIMEOUT, DEFAULT_TRIES,
          ReverseEchoServer.Config.DEFAULT_MAX_DATAGRAM);
    }

    /**
     * Returns a copy with another timeout.
     *
     * @param newTimeout the wait for each try
     * @return the new configuration
     */
    public Config withTimeout(Duration newTimeout) {
      return new Config(newTimeout, tries, maxDatagram);
    }

    /**
     * Returns a copy with another number of tries.
     *
     * @param newTries how many times to send
     * @return the new configuration
     */
    public Config withTries(int newTries) {
      return new Config(timeout, newTries, maxDatagram);
    }
  }
}
