package dev.netkit.udp;

import dev.netkit.codec.DatagramSize;
import java.time.Clock;
import java.util.Objects;

/**
 * The clock, the request limit and the serving loops of a {@link DaytimeServer}. Immutable; start from
 * {@link #defaults()} or {@link #builder()}.
 */
public final class DaytimeServerConfig {

  /** Daytime requests carry nothing; 512 bytes is plenty. */
  public static final int DEFAULT_MAX_REQUEST = 512;

  private final Clock clock;
  private final int maxRequest;
  private final DatagramLoopConfig loop;

  private DaytimeServerConfig(Builder builder) {
    this.loop = builder.loop;
    this.clock = builder.clock;
    this.maxRequest = builder.maxRequest;
  }

  /**
   * Returns the defaults: the system clock in the default zone, 512-byte requests, one batched
   * socket with the default reply budget.
   *
   * @return the default configuration
   */
  public static DaytimeServerConfig defaults() {
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
    return builder().clock(clock).maxRequest(maxRequest).loop(loop);
  }

  /**
   * Returns where the time and the zone come from.
   *
   * @return default {@link Clock#systemDefaultZone()}
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the largest request; longer ones are dropped as not being daytime requests.
   *
   * @return bytes, default {@value #DEFAULT_MAX_REQUEST}
   */
  public int maxRequest() {
    return maxRequest;
  }

  /**
   * Returns how the server serves its port: sockets and threads, batched system calls, the reply
   * budget per source address.
   *
   * @return default {@link DatagramLoopConfig#defaults()}
   */
  public DatagramLoopConfig loop() {
    return loop;
  }

  /** Collects the values of a {@link DaytimeServerConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private Clock clock = Clock.systemDefaultZone();
    private int maxRequest = DEFAULT_MAX_REQUEST;
    private DatagramLoopConfig loop = DatagramLoopConfig.defaults();

    private Builder() {
    }

    /**
     * Sets how the server serves its port (sockets and threads, batching, reply budget).
     *
     * @param serving default {@link DatagramLoopConfig#defaults()}
     * @return this builder
     */
    public Builder loop(DatagramLoopConfig serving) {
      this.loop = serving;
      return this;
    }

    /**
     * Sets the clock (tests use a fixed one).
     *
     * @param newClock the clock, whose zone the answers show
     * @return this builder
     */
    public Builder clock(Clock newClock) {
      this.clock = newClock;
      return this;
    }

    /**
     * Sets the largest request.
     *
     * @param bytes 1 to {@value dev.netkit.codec.DatagramSize#MAX_UDP_PAYLOAD}
     * @return this builder
     */
    public Builder maxRequest(int bytes) {
      this.maxRequest = bytes;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the clock or the loop configuration is null
     * @throws IllegalArgumentException if {@code maxRequest} is not 1-65507
     */
    public DaytimeServerConfig build() {
      Objects.requireNonNull(loop, "loop");
      Objects.requireNonNull(clock, "clock");
      DatagramSize.checkMaxDatagram(maxRequest, 1, "maxRequest");
      return new DaytimeServerConfig(this);
    }
  }
}
