package dev.netkit.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP reverse-echo server of the book (figure 18.4, with the sequence-number variant): every
 * datagram is answered with its text reversed, and a sequence frame {@code N: payload} with
 * {@code N: <payload reversed>}.
 *
 * <pre>
 *   "hello there"           →  "ereht olleh"
 *   "42: the meaning"       →  "42: gninaem eht"
 * </pre>
 *
 * <p>Bytes and text: ASCII and non-UTF-8 payloads are reversed byte by byte, exactly like the
 * book's Perl server; valid UTF-8 is reversed by code points (see {@link DatagramText}).
 *
 * <p>Limits and failures: requests up to {@link Config#maxDatagram()} bytes (default
 * {@value Config#DEFAULT_MAX_DATAGRAM}); a longer one is dropped and counted. No datagram and no
 * send error (an ICMP error from a departed client, say) stops the server. Each request is logged
 * at debug level as {@code Received N bytes from [host,port]}, formatted only when debug is on.
 *
 * <p>Flaky mode reproduces the book's unreliable test server: each reply is sent up to 3 times,
 * each time with probability {@link Config#flakySendProbability()} (0.3, the book's
 * {@code rand() > 0.7}), so a request gets 0, 1, 2 or 3 replies; a seed makes it repeatable.
 *
 * <p>One thread serves every client. {@link #start()} binds and starts it; {@link #close()} stops
 * it. Thread-safe.
 */
public final class ReverseEchoServer implements AutoCloseable {

  /** The book's port for the reverse-echo server. */
  public static final int DEFAULT_PORT = 2007;

  private static final Logger LOG = LoggerFactory.getLogger(ReverseEchoServer.class);
  private static final int FLAKY_SEND_ATTEMPTS = 3;

  private final Config config;
  private final DatagramServerLoop loop;

  /**
   * Creates a server with the default configuration.
   *
   * @param bindAddress where to listen; port 0 picks a free port
   */
  public ReverseEchoServer(InetSocketAddress bindAddress) {
    this(bindAddress, Config.defaults());
  }

  /**
   * Creates a server.
   *
   * @param bindAddress where to listen; port 0 picks a free port
   * @param config limits and flaky mode
   */
  public ReverseEchoServer(InetSocketAddress bindAddress, Config config) {
    this.config = config;
    this.loop = new DatagramServerLoop("reverse-echo-server", bindAddress, config.maxDatagram(),
        config.maxDatagram(), new Handler(config), LOG);
  }

  /**
   * Binds the socket and starts serving.
   *
   * @return this server
   * @throws IOException if the address cannot be bound
   * @throws IllegalStateException if already started
   */
  public ReverseEchoServer start() throws IOException {
    loop.start();
    return this;
  }

  /**
   * Returns the address the server is bound to (with the real port when bound to port 0).
   *
   * @return the bound address
   * @throws IllegalStateException if not started
   */
  public InetSocketAddress localAddress() {
    return loop.localAddress();
  }

  /**
   * Returns the server's configuration.
   *
   * @return the configuration
   */
  public Config config() {
    return config;
  }

  /**
   * Returns what the server has done so far.
   *
   * @return a snapshot of the counters
   */
  public ServerStatistics statistics() {
    return loop.statistics();
  }

  /** Stops serving and releases the port. Idempotent. */
  @Override
  public void close() {
    loop.close();
  }

  /** The per-datagram work, on the server thread. */
  private static final class Handler implements DatagramServerLoop.Handler {
    private final ReverseEcho reverseEcho;
    private final Random random;
    private final double flakySendProbability;

    Handler(Config config) {
      this.reverseEcho = new ReverseEcho(config.maxDatagram());
      this.random = config.flaky() ? new Random(config.seed()) : null;
      this.flakySendProbability = config.flakySendProbability();
    }

    @Override
    public int handle(ByteBuffer request, InetSocketAddress sender, ByteBuffer reply) {
      reverseEcho.reply(request, reply);
      return random == null ? 1 : flakyCopies();
    }

    private int flakyCopies() {
      int copies = 0;
      for (int i = 0; i < FLAKY_SEND_ATTEMPTS; i++) {
        if (random.nextDouble() < flakySendProbability) {
          copies++;
        }
      }
      return copies;
    }
  }

  /**
   * The server's limits and mode.
   *
   * @param maxDatagram the largest request in bytes, 1 to 65507 (default
   *     {@value #DEFAULT_MAX_DATAGRAM}, the book's)
   * @param flaky whether to send each reply 0-3 times at random (the book's unreliable server)
   * @param flakySendProbability in flaky mode, the chance of each of the 3 sends (default
   *     {@value #DEFAULT_FLAKY_SEND_PROBABILITY})
   * @param seed in flaky mode, the seed of the random choices
   */
  public record Config(int maxDatagram, boolean flaky, double flakySendProbability, long seed) {

    /** The book's limit on a request: 5000 bytes. */
    public static final int DEFAULT_MAX_DATAGRAM = 5000;

    /** The largest UDP payload over IPv4: 65507 bytes. */
    public static final int MAX_UDP_PAYLOAD = 65_507;

    /** The book's flaky server sends each of 3 copies when {@code rand() > 0.7}. */
    public static final double DEFAULT_FLAKY_SEND_PROBABILITY = 0.3;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code maxDatagram} is not in 1..65507 or the
     *     probability not in 0..1
     */
    public Config {
      if (maxDatagram < 1 || maxDatagram > MAX_UDP_PAYLOAD) {
        throw new IllegalArgumentException(
            "maxDatagram : " + maxDatagram + " (expected: 1.." + MAX_UDP_PAYLOAD + ")");
      }
      if (!(flakySendProbability >= 0 && flakySendProbability <= 1)) {
        throw new IllegalArgumentException(
            "flakySendProbability : " + flakySendProbability + " (expected: 0..1)");
      }
    }

    /**
     * Returns the defaults: 5000-byte requests, reliable.
     *
     * @return the default configuration
     */
    public static Config defaults() {
      return new Config(DEFAULT_MAX_DATAGRAM, false, DEFAULT_FLAKY_SEND_PROBABILITY, 0);
    }

    /**
     * Returns a copy with another request limit.
     *
     * @param bytes the largest request, 1 to 65507
     * @return the new configuration
     */
    public Config withMaxDatagram(int bytes) {
      return new Config(bytes, flaky, flakySendProbability, seed);
    }

    /**
     * Returns a copy in flaky mode.
     *
     * @param randomSeed the seed of the random choices
     * @return the new configuration
     */
    public Config withFlaky(long randomSeed) {
      return new Config(maxDatagram, true, flakySendProbability, randomSeed);
    }
  }
}
