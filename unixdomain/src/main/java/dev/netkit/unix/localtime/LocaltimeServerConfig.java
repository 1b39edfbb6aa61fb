package dev.netkit.unix.localtime;

import dev.netkit.codec.Arguments;
import dev.netkit.unix.SocketFileConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a {@link LocaltimeServer} is told: its socket file ({@link SocketFileConfig}: path, mode,
 * authorizer), its clock and local zone, and how long an answer may wait for a full client
 * queue. Immutable; build one with {@link #builder()}.
 */
public final class LocaltimeServerConfig {

  /** The book's socket path. */
  public static final Path DEFAULT_PATH = Path.of("/tmp/localtime");

  /** How long an answer may wait for a full client queue by default. */
  public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(100);

  private final SocketFileConfig socketFile;
  private final Clock clock;
  private final ZoneId localZone;
  private final Duration replyTimeout;

  private LocaltimeServerConfig(Builder builder) {
    this.socketFile = builder.socketFile;
    this.clock = builder.clock;
    this.localZone = builder.localZone;
    this.replyTimeout = builder.replyTimeout;
  }

  /**
   * Starts a builder with the defaults: the socket file at {@link #DEFAULT_PATH} with mode
   * {@code 0600} and every peer allowed, the system clock and zone,
   * {@link #DEFAULT_REPLY_TIMEOUT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the configuration with every default.
   *
   * @return the defaults of {@link #builder()}
   */
  public static LocaltimeServerConfig defaults() {
    return builder().build();
  }

  /**
   * Returns a builder that starts from this configuration.
   *
   * @return a new builder with these values
   */
  public Builder toBuilder() {
    return new Builder().socketFile(socketFile).clock(clock).localZone(localZone)
        .replyTimeout(replyTimeout);
  }

  /**
   * Returns the socket file's path, mode and authorizer (judged per datagram, from the sender's
   * credentials).
   *
   * @return the socket file configuration
   */
  public SocketFileConfig socketFile() {
    return socketFile;
  }

  /**
   * Returns the time source.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the zone of answers to requests without a valid zone.
   *
   * @return the zone
   */
  public ZoneId localZone() {
    return localZone;
  }

  /**
   * Returns how long an answer may wait for room in a client's queue.
   *
   * @return a positive duration
   */
  public Duration replyTimeout() {
    return replyTimeout;
  }

  /** Collects the values of a {@link LocaltimeServerConfig}. */
  public static final class Builder {

    private SocketFileConfig socketFile = SocketFileConfig.defaults(DEFAULT_PATH);
    private Clock clock = Clock.systemUTC();
    private ZoneId localZone = ZoneId.systemDefault();
    private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;

    private Builder() {
    }

    /**
     * Sets the socket file's path, mode and authorizer; default
     * {@link SocketFileConfig#defaults(Path)} at {@link LocaltimeServerConfig#DEFAULT_PATH}.
     *
     * @param socketFile the socket file configuration
     * @return this builder
     */
    public Builder socketFile(SocketFileConfig socketFile) {
      this.socketFile = socketFile;
      return this;
    }

    /**
     * Sets the time source; default the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets the zone of answers to requests without a valid zone; default the JVM's zone.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder localZone(ZoneId zone) {
      this.localZone = zone;
      return this;
    }

    /**
     * Sets how long an answer may wait for room in a client's queue; default 100 ms.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder replyTimeout(Duration timeout) {
      this.replyTimeout = timeout;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException {@code replyTimeout : PT0S (expected: > 0)}
     * @throws NullPointerException naming a missing value
     */
    public LocaltimeServerConfig build() {
      Objects.requireNonNull(socketFile, "socketFile");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(localZone, "localZone");
      Arguments.checkPositive(replyTimeout, "replyTimeout");
      return new LocaltimeServerConfig(this);
    }
  }
}
