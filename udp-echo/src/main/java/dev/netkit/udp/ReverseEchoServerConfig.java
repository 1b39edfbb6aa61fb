package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkInRange;
import static dev.netkit.codec.Arguments.checkProbability;

import dev.netkit.codec.DatagramSize;
import dev.netkit.server.ReplyRateConfig;
import java.util.Objects;

/**
 * The limits and mode of a {@link ReverseEchoServer}. Immutable; start from {@link #defaults()}
 * or {@link #builder()}.
 *
 * <pre>
 *   ReverseEchoServerConfig flaky = ReverseEchoServerConfig.builder().flaky(true).seed(7).build();
 * </pre>
 */
public final class ReverseEchoServerConfig {

  /** The book's limit on a request: 5000 bytes. */
  public static final int DEFAULT_MAX_DATAGRAM = 5000;

  /** The book's flaky server sends each of 3 copies when {@code rand() > 0.7}. */
  public static final double DEFAULT_FLAKY_SEND_PROBABILITY = 0.3;

  /** The most sockets (and threads) one server may run on its port. */
  public static final int MAX_THREADS = 64;

  private final int maxDatagram;
  private final boolean flaky;
  private final double flakySendProbability;
  private final long seed;

  private final boolean batched;
  private final int threads;
  private final ReplyRateConfig replyRate;

  private ReverseEchoServerConfig(Builder builder) {
    this.batched = builder.batched;
    this.threads = builder.threads;
    this.replyRate = builder.replyRate;
    this.maxDatagram = builder.maxDatagram;
    this.flaky = builder.flaky;
    this.flakySendProbability = builder.flakySendProbability;
    this.seed = builder.seed;
  }

  /**
   * Returns the defaults: 5000-byte requests, reliable.
   *
   * @return the default configuration
   */
  public static ReverseEchoServerConfig defaults() {
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
    return builder().maxDatagram(maxDatagram).flaky(flaky)
        .flakySendProbability(flakySendProbability).seed(seed).batched(batched)
        .threads(threads).replyRate(replyRate);
  }

  /**
   * Returns the largest request.
   *
   * @return bytes, default {@value #DEFAULT_MAX_DATAGRAM}
   */
  public int maxDatagram() {
    return maxDatagram;
  }

  /**
   * Tells whether each reply is sent 0-3 times at random (the book's unreliable server).
   *
   * @return true in flaky mode; default false
   */
  public boolean flaky() {
    return flaky;
  }

  /**
   * Returns the chance of each of the 3 sends in flaky mode.
   *
   * @return default {@value #DEFAULT_FLAKY_SEND_PROBABILITY}
   */
  public double flakySendProbability() {
    return flakySendProbability;
  }

  /**
   * Returns the seed of the flaky mode's random choices.
   *
   * @return default 0
   */
  public long seed() {
    return seed;
  }

  /**
   * Tells whether the server batches its system calls: one {@code recvmmsg} for up to 64 queued
   * requests and one {@code sendmmsg} for their replies, where netkit's native library loads
   * (elsewhere it falls back to one call per datagram by itself). The bytes on the wire are the
   * same either way.
   *
   * @return default true
   */
  public boolean batched() {
    return batched;
  }

  /**
   * Returns how many sockets serve the port, each with its own thread ({@code SO_REUSEPORT};
   * the kernel keeps each client on one of them).
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

  /** Collects the values of a {@link ReverseEchoServerConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private int maxDatagram = DEFAULT_MAX_DATAGRAM;
    private boolean flaky;
    private double flakySendProbability = DEFAULT_FLAKY_SEND_PROBABILITY;
    private long seed;

    private boolean batched = true;
    private int threads = 1;
    private ReplyRateConfig replyRate = ReplyRateConfig.defaults();

    private Builder() {
    }

    /**
     * Turns batched system calls on or off (see {@link ReverseEchoServerConfig#batched()}).
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
     * @param count 1 to {@value ReverseEchoServerConfig#MAX_THREADS}
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
     * Sets the largest request; longer ones are dropped and counted.
     *
     * @param bytes 1 to {@value dev.netkit.codec.DatagramSize#MAX_UDP_PAYLOAD}
     * @return this builder
     */
    public Builder maxDatagram(int bytes) {
      this.maxDatagram = bytes;
      return this;
    }

    /**
     * Turns the flaky mode on or off.
     *
     * @param on true to send each reply 0-3 times at random
     * @return this builder
     */
    public Builder flaky(boolean on) {
      this.flaky = on;
      return this;
    }

    /**
     * Sets the chance of each of the 3 sends in flaky mode.
     *
     * @param probability 0 to 1
     * @return this builder
     */
    public Builder flakySendProbability(double probability) {
      this.flakySendProbability = probability;
      return this;
    }

    /**
     * Sets the seed of the flaky mode's random choices, to make them repeatable.
     *
     * @param randomSeed the seed
     * @return this builder
     */
    public Builder seed(long randomSeed) {
      this.seed = randomSeed;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the reply budget is null
     * @throws IllegalArgumentException if {@code maxDatagram} is not 1-65507, the probability
     *     not 0-1 or {@code threads} not 1-64
     */
    public ReverseEchoServerConfig build() {
      Objects.requireNonNull(replyRate, "replyRate");
      DatagramSize.checkMaxDatagram(maxDatagram, 1, "maxDatagram");
      checkProbability(flakySendProbability, "flakySendProbability");
      checkInRange(threads, 1, MAX_THREADS, "threads");
      return new ReverseEchoServerConfig(this);
    }
  }
}
