package dev.netkit.udp;

import dev.netkit.codec.DatagramText;
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
 * <p>Limits and failures: requests up to {@link ReverseEchoServerConfig#maxDatagram()} bytes
 * (default {@value ReverseEchoServerConfig#DEFAULT_MAX_DATAGRAM}); a longer one is dropped and
 * counted. No datagram and no send error (an ICMP error from a departed client, say) stops the
 * server. A request from a well-known service port (below 1024) or from the server's own port is
 * never answered, and replies to one source address stay within
 * {@link DatagramLoopConfig#replyRate()}, so that a forged request cannot start an endless
 * exchange with another server. Each request is logged at debug level as {@code Received N bytes from [host,port]},
 * formatted only when debug is on.
 *
 * <p>Flaky mode reproduces the book's unreliable test server: each reply is sent up to 3 times,
 * each time with probability {@link ReverseEchoServerConfig#flakySendProbability()} (0.3, the
 * book's {@code rand() > 0.7}), so a request gets 0, 1, 2 or 3 replies; a seed makes it
 * repeatable.
 *
 * <p>Threads and system calls: by default one thread serves every client and batches its system
 * calls (one {@code recvmmsg} for the queued requests, one {@code sendmmsg} for their replies)
 * where netkit's native library loads; {@link ReverseEchoServerConfig#loop()} can turn batching
 * off or run more
 * sockets on the port ({@code SO_REUSEPORT}), each with its own thread. {@link #start()} binds
 * and starts them; {@link #close()} stops them. Thread-safe.
 */
public final class ReverseEchoServer
    extends AbstractDatagramServer<ReverseEchoServer> {

  /** The book's port for the reverse-echo server. */
  public static final int DEFAULT_PORT = 2007;

  private static final Logger LOG = LoggerFactory.getLogger(ReverseEchoServer.class);
  private static final int FLAKY_SEND_ATTEMPTS = 3;

  private final ReverseEchoServerConfig config;

  /**
   * Creates a server with the default configuration.
   *
   * @param bindAddress where to listen; port 0 picks a free port
   */
  public ReverseEchoServer(InetSocketAddress bindAddress) {
    this(bindAddress, ReverseEchoServerConfig.defaults());
  }

  /**
   * Creates a server.
   *
   * @param bindAddress where to listen; port 0 picks a free port
   * @param config limits, flaky mode and serving loops
   */
  public ReverseEchoServer(InetSocketAddress bindAddress, ReverseEchoServerConfig config) {
    super(new DatagramServerGroup("reverse-echo-server", bindAddress, config.maxDatagram(),
        config.maxDatagram(), config.loop(), () -> new Handler(config), LOG));
    this.config = config;
  }

  /**
   * Returns the server's configuration.
   *
   * @return the configuration
   */
  public ReverseEchoServerConfig config() {
    return config;
  }

  @Override
  ReverseEchoServer self() {
    return this;
  }

  /** The per-datagram work, on the server thread. */
  private static final class Handler implements DatagramServerLoop.Handler {
    private final ReverseEcho reverseEcho;
    private final Random random;
    private final double flakySendProbability;

    Handler(ReverseEchoServerConfig config) {
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
}
