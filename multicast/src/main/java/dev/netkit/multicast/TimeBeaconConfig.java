package dev.netkit.multicast;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link TimeBeaconServer} (the book's {@code mcast_server.pl}, figure 21.4):
 * group and port, time to live, period, and optionally the outgoing interface and the host name
 * the beacon reports. Immutable; start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * @param target the group and port the beacon goes to
 * @param timeToLive 0-255; 0 keeps the beacon on this host
 * @param period time between beacons, sent on every multiple of it since the epoch
 * @param outgoingInterface the interface name to send by, or empty for the routing table's
 * @param hostName the name after the slash, or empty for this host's name
 */
public record TimeBeaconConfig(InetSocketAddress target, int timeToLive, Duration period,
    Optional<String> outgoingInterface, Optional<String> hostName) {

  /** The book's beacon port. */
  public static final int DEFAULT_PORT = 2070;
  /** The book's beacon group. */
  public static final String DEFAULT_GROUP = "224.225.226.227";
  /** The book's time to live: the site, not the world. */
  public static final int DEFAULT_TTL = 31;
  /** The book's period. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(15);

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the target is not a multicast group with a port, the
   *     time to live is not 0-255, or the period is shorter than 1 ms
   * @throws NullPointerException if a part is null
   */
  public TimeBeaconConfig {
    Objects.requireNonNull(target, "target");
    if (target.isUnresolved()) {
      throw new IllegalArgumentException("target : " + target + " (expected: resolved)");
    }
    MulticastEndpoint.checkMulticast(target.getAddress());
    MulticastEndpoint.checkTimeToLive(timeToLive);
    Objects.requireNonNull(period, "period");
    if (period.toMillis() < 1) {
      throw new IllegalArgumentException("period : " + period + " (expected: >= 1 ms)");
    }
    Objects.requireNonNull(outgoingInterface, "outgoingInterface");
    Objects.requireNonNull(hostName, "hostName");
  }

  /**
   * Returns the book's settings: 224.225.226.227 port 2070, TTL 31, every 15 s.
   *
   * @return the defaults
   */
  public static TimeBeaconConfig defaults() {
    return new TimeBeaconConfig(new InetSocketAddress(defaultGroup(), DEFAULT_PORT), DEFAULT_TTL,
        DEFAULT_PERIOD, Optional.empty(), Optional.empty());
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
   * Returns a copy with another group and port.
   *
   * @param group the group
   * @param port the port, 1-65535
   * @return the copy
   * @throws IllegalArgumentException if {@code group} is not multicast or the port is out of
   *     range
   */
  public TimeBeaconConfig withTarget(InetAddress group, int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port : " + port + " (expected: 1-65535)");
    }
    return new TimeBeaconConfig(new InetSocketAddress(group, port), timeToLive, period,
        outgoingInterface, hostName);
  }

  /**
   * Returns a copy with another time to live.
   *
   * @param ttl 0-255
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public TimeBeaconConfig withTimeToLive(int ttl) {
    return new TimeBeaconConfig(target, ttl, period, outgoingInterface, hostName);
  }

  /**
   * Returns a copy with another period.
   *
   * @param every at least 1 ms
   * @return the copy
   * @throws IllegalArgumentException if shorter
   */
  public TimeBeaconConfig withPeriod(Duration every) {
    return new TimeBeaconConfig(target, timeToLive, every, outgoingInterface, hostName);
  }

  /**
   * Returns a copy that sends by a named interface.
   *
   * @param name the interface name (checked when the server starts)
   * @return the copy
   */
  public TimeBeaconConfig withOutgoingInterface(String name) {
    return new TimeBeaconConfig(target, timeToLive, period, Optional.of(name), hostName);
  }

  /**
   * Returns a copy that reports another host name.
   *
   * @param name the name after the slash
   * @return the copy
   */
  public TimeBeaconConfig withHostName(String name) {
    return new TimeBeaconConfig(target, timeToLive, period, outgoingInterface, Optional.of(name));
  }
}
