package dev.netkit.multicast;

import dev.netkit.codec.CtimeFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multicast time-of-day beacon (the book's {@code mcast_server.pl}, figure 21.4): sends
 * {@code <ctime>/<hostname>} (e.g. {@code Thu Nov 26 00:00:15 2026/gw.example.org}) to a group on
 * every multiple of the period since the epoch, so that beacons from several hosts line up.
 *
 * <pre>
 *   try (TimeBeaconServer beacon = new TimeBeaconServer(TimeBeaconConfig.defaults()).start()) {
 *     …
 *   }
 * </pre>
 *
 * <p>One scheduler thread sends; a failed send is logged and the next one tried on time.
 */
public final class TimeBeaconServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TimeBeaconServer.class);

  private final TimeBeaconConfig config;
  private final Clock clock;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sendFailures = new AtomicLong();
  private MulticastEndpoint endpoint;
  private ScheduledExecutorService scheduler;
  private String hostName;
  private volatile boolean closed;

  /**
   * Creates a beacon; nothing is opened until {@link #start()}.
   *
   * @param config the settings, the clock among them
   */
  public TimeBeaconServer(TimeBeaconConfig config) {
    this.config = config;
    this.clock = config.clock();
  }

  /**
   * Opens the socket (time to live and interface set, loopback on) and schedules the beacons.
   *
   * @return this server
   * @throws IOException if the socket cannot be opened or configured
   * @throws IllegalArgumentException if the outgoing interface does not exist or cannot
   *     multicast
   * @throws IllegalStateException if started twice
   */
  public synchronized TimeBeaconServer start() throws IOException {
    if (endpoint != null) {
      throw new IllegalStateException("already started");
    }
    hostName = config.hostName().orElseGet(TimeBeaconServer::localHostName);
    endpoint = MulticastEndpoint.sender(MulticastEndpoint.forGroup(config.target().getAddress()),
        config.timeToLive(), config.outgoingInterface());
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "time-beacon");
      thread.setDaemon(true);
      return thread;
    });
    scheduleNext();
    LOG.info("beacon to {}:{} every {} ms, ttl {}", config.target().getAddress().getHostAddress(),
        config.target().getPort(), config.period().toMillis(), config.timeToLive());
    return this;
  }

  private void scheduleNext() {
    long periodMillis = config.period().toMillis();
    long delay = periodMillis - Math.floorMod(clock.millis(), periodMillis);
    try {
      scheduler.schedule(this::beacon, delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  private void beacon() {
    if (closed) {
      return;
    }
    String text = message(ZonedDateTime.now(clock), hostName);
    try {
      endpoint.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), config.target());
      sent.incrementAndGet();
      LOG.debug("beacon sent: {}", text);
    } catch (IOException e) {
      if (!closed) {
        sendFailures.incrementAndGet();
        LOG.warn("beacon not sent: {}", e.toString());
      }
    }
    scheduleNext();
  }

  /**
   * Formats a beacon.
   *
   * @param time the time
   * @param hostName the sender's name
   * @return {@code <ctime>/<hostname>}
   */
  public static String message(ZonedDateTime time, String hostName) {
    return CtimeFormat.format(time) + "/" + hostName;
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * Returns the sending socket's address.
   *
   * @return the address and port beacons come from
   * @throws IOException if the socket is closed
   * @throws IllegalStateException if not started
   */
  public synchronized InetSocketAddress localAddress() throws IOException {
    if (endpoint == null) {
      throw new IllegalStateException("not started");
    }
    return endpoint.localAddress();
  }

  /**
   * Returns the settings.
   *
   * @return the configuration
   */
  public TimeBeaconConfig config() {
    return config;
  }

  /**
   * Returns what the beacon has done so far.
   *
   * @return a snapshot of the counters
   */
  public TimeBeaconStats stats() {
    return new TimeBeaconStats(sent.get(), sendFailures.get());
  }

  /** Stops the beacons and closes the socket. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
