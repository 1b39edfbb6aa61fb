package dev.netkit.unix.localtime;

import dev.netkit.unix.AddressInUseException;
import dev.netkit.unix.FileModes;
import dev.netkit.unix.PeerAuthorizer;
import dev.netkit.unix.UnixDatagram;
import dev.netkit.unix.UnixDatagramSocket;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book's UNIX-domain daytime server (chapter 22): answers each datagram with the time in the
 * zone it names, or the local time (see {@link LocaltimeProtocol}). One thread serves requests
 * one after the other, as the book's does.
 *
 * <p>Hardening: requests from peers the {@link PeerAuthorizer} refuses (judged by the kernel's
 * credentials of each datagram) and from unbound senders (which cannot be answered) are dropped;
 * an answer waits at most {@link Builder#replyTimeout(Duration)} for room in the client's queue,
 * so a client that never reads cannot stall the server.
 */
public final class LocaltimeServer implements AutoCloseable {

  /** The book's socket path. */
  public static final Path DEFAULT_PATH = Path.of("/tmp/localtime");

  /** How long an answer may wait for a full client queue by default. */
  public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(100);

  private static final Logger log = LoggerFactory.getLogger(LocaltimeServer.class);

  private final Builder config;
  private final LocaltimeProtocol protocol;
  private UnixDatagramSocket socket;
  private Thread worker;

  private LocaltimeServer(Builder config) {
    this.config = config;
    this.protocol = new LocaltimeProtocol(config.clock, config.localZone);
  }

  /**
   * Starts building a server.
   *
   * @param path where the socket file goes, e.g. {@link #DEFAULT_PATH}
   * @return a builder with the defaults: mode {@code 0600}, every peer allowed, the system clock
   *     and zone, {@link #DEFAULT_REPLY_TIMEOUT}
   */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /**
   * Binds the socket file and starts answering.
   *
   * @return this server
   * @throws AddressInUseException if a live socket or a file that is not a socket has the path
   * @throws IOException if the socket cannot be bound (see {@link UnixDatagramSocket#bind})
   * @throws IllegalStateException if started before
   */
  public synchronized LocaltimeServer start() throws IOException {
    if (socket != null) {
      throw new IllegalStateException("localtime-server already started");
    }
    UnixDatagramSocket bound = UnixDatagramSocket.open()
        .maxDatagramBytes(LocaltimeProtocol.MAX_REQUEST_BYTES)
        .sendTimeout(config.replyTimeout);
    try {
      bound.bind(config.path, config.permissions);
    } catch (IOException | RuntimeException e) {
      bound.close();
      throw e;
    }
    socket = bound;
    worker = new Thread(this::serve, "localtime-server");
    worker.setDaemon(true);
    worker.start();
    log.debug("localtime-server: listening on {} (mode {})", bound.localPath(),
        FileModes.format(config.permissions));
    return this;
  }

  /**
   * Returns the socket file's path.
   *
   * @return the absolute path
   * @throws IllegalStateException if not started
   */
  public synchronized Path path() {
    if (socket == null) {
      throw new IllegalStateException("localtime-server not started");
    }
    return socket.localPath();
  }

  /** Stops answering and removes the socket file. Idempotent. */
  @Override
  public void close() {
    UnixDatagramSocket current;
    Thread thread;
    synchronized (this) {
      current = socket;
      thread = worker;
    }
    if (current != null) {
      current.close();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        answer(socket.receive());
      } catch (AsynchronousCloseException e) {
        return;
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
        log.warn("localtime-server: receive failed: {}", e.toString());
      }
    }
  }

  private void answer(UnixDatagram request) {
    if (request.sender() == null || !config.authorizer.authorize(request.sender())) {
      log.warn("localtime-server: dropped a request from {}: not authorized", request.sender());
      return;
    }
    if (!request.hasSenderAddress()) {
      log.debug("localtime-server: dropped a request from an unbound socket: cannot answer it");
      return;
    }
    try {
      socket.reply(protocol.answer(request.data(), request.length()), request);
    } catch (IOException e) {
      log.debug("localtime-server: could not answer {}: {}", request, e.toString());
    }
  }

  /** Collects the settings of a {@link LocaltimeServer}. */
  public static final class Builder {

    private final Path path;
    private Set<PosixFilePermission> permissions =
        FileModes.toPermissions(FileModes.DEFAULT_SOCKET_MODE);
    private PeerAuthorizer authorizer = PeerAuthorizer.allowAll();
    private Clock clock = Clock.systemUTC();
    private ZoneId localZone = ZoneId.systemDefault();
    private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Sets the socket file's mode; default {@code 0600} (only this user's clients).
     *
     * @param permissions the mode
     * @return this builder
     */
    public Builder permissions(Set<PosixFilePermission> permissions) {
      this.permissions = Objects.requireNonNull(permissions, "permissions");
      return this;
    }

    /**
     * Sets whose requests are answered; default everyone who can reach the socket file.
     *
     * @param authorizer decides per datagram, from the sender's credentials
     * @return this builder
     */
    public Builder authorizer(PeerAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /**
     * Sets the time source; default the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the zone of answers to requests without a valid zone; default the JVM's zone.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder localZone(ZoneId zone) {
      this.localZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets how long an answer may wait for room in a client's queue; default 100 ms.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder replyTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("replyTimeout : " + timeout + " (expected: > 0)");
      }
      this.replyTimeout = timeout;
      return this;
    }

    /**
     * Creates the server; {@link LocaltimeServer#start()} binds it.
     *
     * @return the server, not started
     */
    public LocaltimeServer build() {
      return new LocaltimeServer(this);
    }
  }
}
