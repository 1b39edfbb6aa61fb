package dev.netkit.server;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Whom a datagram server without a handshake may answer, and how much: what inetd's built-in
 * UDP services learned the hard way (echo and chargen answering each other forever, CERT
 * CA-1996-01). Every netkit UDP server asks it before it answers:
 *
 * <ul>
 *   <li>{@link #refusesSource} — a datagram whose source port is a well-known service port
 *       (below {@value #FIRST_UNPRIVILEGED_PORT}, port 0 included) or the server's own port is
 *       never answered: its source is a service, not a client (or a forgery aimed at one), and
 *       answering could start a loop. This also covers the server's own address and port.</li>
 *   <li>{@link #mayReply} — what goes to one source IP address stays within a
 *       {@link ReplyRateConfig} budget ({@link SourceRateLimiter}), which bounds reflection and
 *       amplification and breaks a loop between two servers that both answer everything.</li>
 * </ul>
 *
 * <p>Thread-safe: the loops of a server with several sockets on one port share one policy, so
 * that a source spreading its ports over the sockets still gets one budget.
 */
public final class ReplyPolicy {

  /** The first port that is not a well-known service port (RFC 6335: 0-1023 are). */
  public static final int FIRST_UNPRIVILEGED_PORT = 1024;

  private final int localPort;
  private final SourceRateLimiter limiter;

  /**
   * Creates the policy of a bound server.
   *
   * @param localPort the port the server is bound to
   * @param budget what one source address may get
   */
  public ReplyPolicy(int localPort, ReplyRateConfig budget) {
    this.localPort = localPort;
    this.limiter = new SourceRateLimiter(budget);
  }

  /**
   * Tells whether a datagram from this source must go unanswered whatever it holds.
   *
   * @param source where the datagram came from
   * @return true for a source port below {@value #FIRST_UNPRIVILEGED_PORT} or equal to the
   *     server's own port
   */
  public boolean refusesSource(InetSocketAddress source) {
    return isRefusedSource(source, localPort);
  }

  /**
   * Tells whether a datagram from this source must go unanswered (or unrelayed) whatever it
   * holds, for a socket without a reply budget (a relay, say).
   *
   * @param source where the datagram came from
   * @param localPort the receiving socket's own port
   * @return true for a source port below {@value #FIRST_UNPRIVILEGED_PORT} or equal to
   *     {@code localPort}
   */
  public static boolean isRefusedSource(InetSocketAddress source, int localPort) {
    Objects.requireNonNull(source, "source");
    int port = source.getPort();
    return port < FIRST_UNPRIVILEGED_PORT || port == localPort;
  }

  /**
   * Takes one reply datagram from the budget of its destination's address.
   *
   * @param to where the reply goes
   * @param bytes its payload length
   * @param nowNanos the time ({@link System#nanoTime()})
   * @return true if it may be sent; false if it must be held back
   */
  public boolean mayReply(InetSocketAddress to, int bytes, long nowNanos) {
    return limiter.tryAcquire(to.getAddress(), bytes, nowNanos);
  }

  /**
   * Returns how many source addresses the budget remembers.
   *
   * @return at most {@link ReplyRateConfig#maxSources()}
   */
  public int trackedSources() {
    return limiter.size();
  }
}
