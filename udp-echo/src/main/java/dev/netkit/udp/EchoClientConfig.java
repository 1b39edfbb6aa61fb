package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkPositive;

import dev.netkit.codec.DatagramSize;
import java.time.Duration;

/**
 * How long and how often an {@link EchoClient} tries. Immutable; start from {@link #defaults()}
 * (the book's 2 s and 5 tries) or {@link #builder()}.
 */
public final class EchoClientConfig {

  /** The book's timeout: 2 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** The book's number of tries: 5. */
  public static final int DEFAULT_TRIES = 5;

  private final Duration timeout;
  private final int tries;
  private final int maxDatagram;

  private EchoClientConfig(Builder builder) {
    this.timeout = builder.timeout;
    this.tries = builder.tries;
    this.maxDatagram = builder.maxDatagram;
  }

  /**
   * Returns the book's defaults: 2 s, 5 tries, 5000 bytes.
   *
   * @return the default configuration
   */
  public static EchoClientConfig defaults() {
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
    return builder().timeout(timeout).tries(tries).maxDatagram(maxDatagram);
  }

  /**
   * Returns how long each try waits for a reply.
   *
   * @return default {@link #DEFAULT_TIMEOUT}
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Returns how many times a request is sent.
   *
   * @return default {@value #DEFAULT_TRIES}
   */
  public int tries() {
    return tries;
  }

  /**
   * Returns the largest request and reply.
   *
   * @return bytes, default {@value ReverseEchoServerConfig#DEFAULT_MAX_DATAGRAM}
   */
  public int maxDatagram() {
    return maxDatagram;
  }

  /** Collects the values of an {@link EchoClientConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private int tries = DEFAULT_TRIES;
    private int maxDatagram = ReverseEchoServerConfig.DEFAULT_MAX_DATAGRAM;

    private Builder() {
    }

    /**
     * Sets how long each try waits for a reply.
     *
     * @param wait positive
     * @return this builder
     */
    public Builder timeout(Duration wait) {
      this.timeout = wait;
      return this;
    }

    /**
     * Sets how many times a request is sent.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder tries(int count) {
      this.tries = count;
      return this;
    }

    /**
     * Sets the largest request and reply.
     *
     * @param bytes 1 to {@value dev.netkit.codec.DatagramSize#MAX_UDP_PAYLOAD}
     * @return this builder
     */
    public Builder maxDatagram(int bytes) {
      this.maxDatagram = bytes;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the timeout is null
     * @throws IllegalArgumentException if a value is not positive, or {@code maxDatagram} is
     *     above 65507
     */
    public EchoClientConfig build() {
      checkPositive(timeout, "timeout");
      checkPositive(tries, "tries");
      DatagramSize.checkMaxDatagram(maxDatagram, 1, "maxDatagram");
      return new EchoClientConfig(this);
    }
  }
}
