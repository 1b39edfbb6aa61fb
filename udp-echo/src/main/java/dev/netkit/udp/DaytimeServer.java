package dev.netkit.udp;

import dev.netkit.codec.CtimeFormat;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daytime service (RFC 867) over UDP: any datagram, whatever it holds (even an empty one), is
 * answered with the server's local time as one CRLF-terminated ASCII line in {@code ctime} form.
 *
 * <pre>
 *   "What time is it?"  →  "Wed Aug 16 21:29:54 2000\r\n"
 * </pre>
 *
 * <p>Requests longer than {@link DaytimeServerConfig#maxRequest()} bytes (default
 * {@value DaytimeServerConfig#DEFAULT_MAX_REQUEST}) are dropped as not being daytime requests;
 * nothing stops the server but {@link #close()}. A request from a well-known service port (below
 * 1024) or from the server's own port is never answered, and replies to one source address stay
 * within {@link DatagramLoopConfig#replyRate()}. One thread by default, batching its system
 * calls where the native library loads ({@link DatagramLoopConfig#batched()}), or several
 * sockets on the port ({@link DatagramLoopConfig#threads()}), as {@link DaytimeServerConfig#loop()}
 * says; thread-safe. {@link #start()}, {@link #localAddress()}, {@link #stats()},
 * {@link #ioStats()} and {@link #close()} are those of every UDP server of this package.
 */
public final class DaytimeServer extends AbstractDatagramServer<DaytimeServer> {

  /** The daytime service's well-known port. */
  public static final int DEFAULT_PORT = 13;

  private static final Logger LOG = LoggerFactory.getLogger(DaytimeServer.class);
  private static final int MAX_REPLY = 64;

  /**
   * Creates a server with the default configuration (system clock and zone).
   *
   * @param bindAddress where to listen; port 0 picks a free port
   */
  public DaytimeServer(InetSocketAddress bindAddress) {
    this(bindAddress, DaytimeServerConfig.defaults());
  }

  /**
   * Creates a server.
   *
   * @param bindAddress where to listen; port 0 picks a free port
   * @param config the clock, the request limit and the serving loops
   */
  public DaytimeServer(InetSocketAddress bindAddress, DaytimeServerConfig config) {
    super(new DatagramServerGroup("daytime-server", bindAddress, config.maxRequest(),
        MAX_REPLY, config.loop(), () -> timeOfDay(config.clock()), LOG));
  }

  /** Answers any request with the clock's time, one CRLF-terminated {@code ctime} line. */
  private static DatagramServerLoop.Handler timeOfDay(Clock clock) {
    return (request, sender, reply) -> {
      reply.put((CtimeFormat.format(ZonedDateTime.now(clock)) + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      reply.flip();
      return 1;
    };
  }

  @Override
  DaytimeServer self() {
    return this;
  }
}
