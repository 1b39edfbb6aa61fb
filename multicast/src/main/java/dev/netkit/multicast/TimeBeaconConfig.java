package dev.netkit.multicast;

import static dev.netkit.codec.Arguments.checkPort;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link TimeBeaconServer} (the book's {@code mcast_server.pl}, figure 21.4):
 * group and port, time to live, period, and optionally the outgoing interface, the host name the
 * beacon reports and the clock it reads. Immutable; start from {@link #defaults()} or
 * {@link #builder()}.
 *
 * <pre>
 *   TimeBeaconConfig config = TimeBeaconConfig.builder().timeToLive(0)
 *       .period(Duration.ofMillis(500)).outgoingInterface("lo").build();
 * </pre>
 */
public final class TimeBeaconConfig {

  /** The book's beacon port. */
  public static final int DEFAULT_PORT = 2070;
  /** The book's beacon group. */
  public static final String DEFAULT_GROUP = "224.225.226.227";
  /** The book's time to live: the site, not the world. */
  public static final int DEFAULT_TTL = 31;
  /** The book's period. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(15);

  private final InetSocketAddress target;
  private final int timeToLive;
  private final Duration period;
  private final Optional<String> outgoingInterface;
  private final Optional<String> hostName;
  private final Clock clock;

  private TimeBeaconConfig(Builder builder) {
    this.target = new InetSocketAddress(builder.group, builder.port);
    this.timeToLive = builder.timeToLive;
    this.period = builder.period;
    this.outgoingInterface = Optional.ofNullable(builder.outgoingInterface);
    this.hostName = Optional.ofNullable(builder.hostName);
    this.clock = builder.clock;
  }

  /**
   * Returns the book's settings: 224.225.226.227 port 2070, TTL 31, every 15 s.
   *
   * @return the defaults
   */
  public static TimeBeaconConfig defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with every default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with this configuration's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return builder().target(target.getAddress(), target.getPort()).timeToLive(timeToLive)
        .period(period).outgoingInterface(outgoingInterface.orElse(null))
        .hostName(hostName.orElse(null)).clock(clock);
  }

  /**
   * Returns the book's group as an address.
   *
   * @return 224.225.226.227
   */
  public static InetAddress defaultGroup() {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 224, (byte) 225, (byte) 226, (byte) 227});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("four bytes are a valid address", e);
    }
  }

  /**
   * Returns the group and port the beacon goes to.
   *
   * @return default {@value #DEFAULT_GROUP} port {@value #DEFAULT_PORT}
   */
  public InetSocketAddress target() {
    return target;
  }

  /**
   * Returns the time to live; 0 keeps the beacon on this host.
   *
   * @return 0-255, default {@value #DEFAULT_TTL}
   */
  public int timeToLive() {
    return timeToLive;
  }

  /**
   * Returns the time between beacons, sent on every multiple of it since the epoch.
   *
   * @return default {@link #DEFAULT_PERIOD}
   */
  public Duration period() {
    return period;
  }

  /**
   * Returns the interface to send by.
   *
   * @return its name, or empty (the default) for the routing table's
   */
  public Optional<String> outgoingInterface() {
    return outgoingInterface;
  }

  /**
   * Returns the host name after the slash.
   *
   * @return the name, or empty (the default) for this host's name
   */
  public Optional<String> hostName() {
    return hostName;
  }

  /**
   * Returns the clock the beacon reads; its zone is the one the ctime text shows.
   *
   * @return default {@link Clock#systemDefaultZone()}
   */
  public Clock clock() {
    return clock;
  }

  /** Collects the settings of a {@link TimeBeaconConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private InetAddress group = defaultGroup();
    private int port = DEFAULT_PORT;
    private int timeToLive = DEFAULT_TTL;
    private Duration period = DEFAULT_PERIOD;
    private String outgoingInterface;
    private String hostName;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {
    }

    /**
     * Sets where the beacon goes.
     *
     * @param multicastGroup a multicast group
     * @param udpPort the port, 1-65535
     * @return this builder
     */
    public Builder target(InetAddress multicastGroup, int udpPort) {
      this.group = multicastGroup;
      this.port = udpPort;
      return this;
    }

    /**
     * Sets the time to live.
     *
     * @param ttl 0-255
     * @return this builder
     */
    public Builder timeToLive(int ttl) {
      this.timeToLive = ttl;
      return this;
    }

    /**
     * Sets the time between beacons.
     *
     * @param every at least 1 ms
     * @return this builder
     */
    public Builder period(Duration every) {
      this.period = every;
      return this;
    }

    /**
     * Sets the interface to send by.
     *
     * @param name the interface name (checked when the server starts), or null for the routing
     *     table's
     * @return this builder
     */
    public Builder outgoingInterface(String name) {
      this.outgoingInterface = name;
      return this;
    }

    /**
     * Sets the host name the beacon reports.
     *
     * @param name the name after the slash, or null for this host's name
     * @return this builder
     */
    public Builder hostName(String name) {
      this.hostName = name;
      return this;
    }

    /**
     * Sets the clock the beacon reads (tests use a fixed one).
     *
     * @param newClock the clock
     * @return this builder
     */
    public Builder clock(Clock newClock) {
      this.clock = newClock;
      return this;
    }

    /**
     * Checks the settings and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the group, the period or the clock is null
     * @throws IllegalArgumentException if the group is not multicast, the port not 1-65535, the
     *     time to live not 0-255, or the period shorter than 1 ms
     */
    public TimeBeaconConfig build() {
      MulticastEndpoint.checkMulticast(Objects.requireNonNull(group, "group"));
      checkPort(port, "port");
      MulticastEndpoint.checkTimeToLive(timeToLive);
      Objects.requireNonNull(period, "period");
      if (period.toMillis() < 1) {
        throw new IllegalArgumentException("period : " + period + " (expected: >= 1 ms)");
      }
      Objects.requireNonNull(clock, "clock");
      return new TimeBeaconConfig(this);
    }
  }
}
