package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkInRange;

import dev.netkit.codec.DatagramSize;
import dev.netkit.server.ReplyRateConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * The clock and the request limit of a {@link DaytimeServer}. Immutable; start from
 * {@link #defaults()} or {@link #builder()}.
 */
public final class DaytimeServerConfig {

  /** Daytime requests carry nothing; 512 bytes is plenty. */
  public static final int DEFAULT_MAX_REQUEST = 512;

  /** The most sockets (and threads) one server may run on its port. */
  public static final int MAX_THREADS = ReverseEchoServerConfig.MAX_THREADS;

  private final Clock clock;
  private final int maxRequest;

  private final boolean batched;
  private final int threads;
  private final ReplyRateConfig replyRate;

  private DaytimeServerConfig(Builder builder) {
    this.batched = builder.batched;
    this.threads = builder.threads;
    this.replyRate = builder.replyRate;
    this.clock = builder.clock;
    this.maxRequest = builder.maxRequest;
  }

  /**
   * Returns the defaults: the system clock in the default zone, 512-byte requests.
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
    return builder().clock(clock).maxRequest(maxRequest).batched(batched).threads(threads)
        .replyRate(replyRate);
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
   * Tells whether the server batches its system calls (see
   * {@link ReverseEchoServerConfig#batched()}).
   *
   * @return default true
   */
  public boolean batched() {
    return batched;
  }

  /**
   * Returns how many sockets serve the port, each with its own thread ({@code SO_REUSEPORT}).
   *
   * @return 1 to {@value #MAX_THREADS}, default 1
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the reply budget per source address; replies beyond it are held back and counted.
   * The server never answers a source port below 1024 or its own port, whatever the budget.
   *
   * @return default {@link ReplyRateConfig#defaults()}: 1000 datagrams and 1 MiB per second per
   *     source address, burst 1 s
   */
  public ReplyRateConfig replyRate() {
    return replyRate;
  }

  /** Collects the values of a {@link DaytimeServerConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private Clock clock = Clock.systemDefaultZone();
    private int maxRequest = DEFAULT_MAX_REQUEST;

    private boolean batched = true;
    private int threads = 1;
    private ReplyRateConfig replyRate = ReplyRateConfig.defaults();

    private Builder() {
    }

    /**
     * Turns batched system calls on or off.
     *
     * @param on false for one system call per datagram
     * @return this builder
     */
    public Builder batched(boolean on) {
      this.batched = on;
      return this;
    }

    /**
     * Sets how many sockets, each with its own thread, serve the port.
     *
     * @param count 1 to {@value DaytimeServerConfig#MAX_THREADS}
     * @return this builder
     */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    /**
     * Sets the reply budget per source address (reflection and loop protection).
     *
     * @param budget datagrams and bytes per second, burst, sources remembered; default
     *     {@link ReplyRateConfig#defaults()}
     * @return this builder
     */
    public Builder replyRate(ReplyRateConfig budget) {
      this.replyRate = budget;
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
     * @throws NullPointerException if the clock or the reply budget is null
     * @throws IllegalArgumentException if {@code maxRequest} is not 1-65507 or {@code threads} not
     *     1-64
     */
    public DaytimeServerConfig build() {
      Objects.requireNonNull(replyRate, "replyRate");
      Objects.requireNonNull(clock, "clock");
      DatagramSize.checkMaxDatagram(maxRequest, 1, "maxRequest");
      checkInRange(threads, 1, MAX_THREADS, "threads");
      return new DaytimeServerConfig(this);
    }
  }
}
