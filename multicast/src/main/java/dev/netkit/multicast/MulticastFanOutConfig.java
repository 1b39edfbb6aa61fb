package dev.netkit.multicast;

import static dev.netkit.codec.Arguments.checkPort;

import java.util.Optional;

/**
 * The multicast settings of a chat server's {@link MulticastFanOut}: the data port, the time to
 * live of channel traffic and the interface it leaves by. Immutable; start from
 * {@link #defaults()} or {@link #builder()}.
 */
public final class MulticastFanOutConfig {

  /** The book's multicast data port. */
  public static final int DEFAULT_PORT = 2028;
  /** The default time to live of channel traffic (the site, as the beacon). */
  public static final int DEFAULT_TTL = 31;

  private final int port;
  private final int timeToLive;
  private final Optional<String> outgoingInterface;

  private MulticastFanOutConfig(Builder builder) {
    this.port = builder.port;
    this.timeToLive = builder.timeToLive;
    this.outgoingInterface = Optional.ofNullable(builder.outgoingInterface);
  }

  /**
   * Returns the book's settings: port 2028, time to live 31, routing table's interface.
   *
   * @return the defaults
   */
  public static MulticastFanOutConfig defaults() {
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
    return builder().port(port).timeToLive(timeToLive)
        .outgoingInterface(outgoingInterface.orElse(null));
  }

  /**
   * Returns the data port that clients bind and SET_MCAST_PORT announces.
   *
   * @return 1-65535, default {@value #DEFAULT_PORT}
   */
  public int port() {
    return port;
  }

  /**
   * Returns the time to live of channel traffic.
   *
   * @return 0-255, default {@value #DEFAULT_TTL}
   */
  public int timeToLive() {
    return timeToLive;
  }

  /**
   * Returns the interface channel traffic leaves by.
   *
   * @return its name, or empty (the default) for the routing table's
   */
  public Optional<String> outgoingInterface() {
    return outgoingInterface;
  }

  /** Collects the settings of a {@link MulticastFanOutConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private int timeToLive = DEFAULT_TTL;
    private String outgoingInterface;

    private Builder() {
    }

    /**
     * Sets the data port.
     *
     * @param number 1-65535
     * @return this builder
     */
    public Builder port(int number) {
      this.port = number;
      return this;
    }

    /**
     * Sets the time to live of channel traffic.
     *
     * @param ttl 0-255; 0 keeps it on this host
     * @return this builder
     */
    public Builder timeToLive(int ttl) {
      this.timeToLive = ttl;
      return this;
    }

    /**
     * Sets the interface channel traffic leaves by.
     *
     * @param name the interface name (checked when the fan-out opens), or null for the routing
     *     table's
     * @return this builder
     */
    public Builder outgoingInterface(String name) {
      this.outgoingInterface = name;
      return this;
    }

    /**
     * Checks the settings and builds the configuration.
     *
     * @return the immutable configuration
     * @throws IllegalArgumentException if the port or the time to live is out of range
     */
    public MulticastFanOutConfig build() {
      checkPort(port, "port");
      MulticastEndpoint.checkTimeToLive(timeToLive);
      return new MulticastFanOutConfig(this);
    }
  }
}
