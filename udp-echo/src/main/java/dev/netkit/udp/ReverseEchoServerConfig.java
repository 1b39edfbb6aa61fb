package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkProbability;

import dev.netkit.codec.DatagramSize;
import java.util.Objects;

/**
 * The limits, mode and serving loops of a {@link ReverseEchoServer}. Immutable; start from {@link #defaults()}
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

  private final int maxDatagram;
  private final boolean flaky;
  private final double flakySendProbability;
  private final long seed;
  private final DatagramLoopConfig loop;

  private ReverseEchoServerConfig(Builder builder) {
    this.loop = builder.loop;
    this.maxDatagram = builder.maxDatagram;
    this.flaky = builder.flaky;
    this.flakySendProbability = builder.flakySendProbability;
    this.seed = builder.seed;
  }

  /**
   * Returns the defaults: 5000-byte requests, reliable, one batched socket with the default reply
   * budget.
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
        .flakySendProbability(flakySendProbability).seed(seed).loop(loop);
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
   * Returns how the server serves its port: sockets and threads, batched system calls, the reply
   * budget per source address.
   *
   * @return default {@link DatagramLoopConfig#defaults()}
   */
  public DatagramLoopConfig loop() {
    return loop;
  }

  /** Collects the values of a {@link ReverseEchoServerConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private int maxDatagram = DEFAULT_MAX_DATAGRAM;
    private boolean flaky;
    private double flakySendProbability = DEFAULT_FLAKY_SEND_PROBABILITY;
    private long seed;
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
     * @throws NullPointerException if the loop configuration is null
     * @throws IllegalArgumentException if {@code maxDatagram} is not 1-65507 or the probability
     *     not 0-1
     */
    public ReverseEchoServerConfig build() {
      Objects.requireNonNull(loop, "loop");
      DatagramSize.checkMaxDatagram(maxDatagram, 1, "maxDatagram");
      checkProbability(flakySendProbability, "flakySendProbability");
      return new ReverseEchoServerConfig(this);
    }
  }
}
