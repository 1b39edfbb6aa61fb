package dev.netkit.udp;

import dev.netkit.codec.DatagramText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;

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
  private final EchoClientConfig config;
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
    return open(server, EchoClientConfig.defaults());
  }

  /**
   * Opens a client.
   *
   * @param server the server's address
   * @param config the timeout, the number of tries and the reply limit
   * @return the client
   * @throws IOException if the socket cannot be opened or connected
   */
  public static EchoClient open(InetSocketAddress server, EchoClientConfig config)
      throws IOException {
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

  private EchoClient(InetSocketAddress server, EchoClientConfig config, DatagramChannel channel,
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
  public EchoClientConfig config() {
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
}
