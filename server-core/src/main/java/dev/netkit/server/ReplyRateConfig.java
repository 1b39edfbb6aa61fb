package dev.netkit.server;

import dev.netkit.codec.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * The reply budget of a datagram server for one source IP address (any port): how many datagrams
 * and how many bytes per second it may send there, and how much of that it may send at once (the
 * burst, as a duration of the rates). It bounds what a forged source address can get out of a
 * server that has no handshake (reflection and amplification), and it breaks a reply loop between
 * two servers: once one of them holds a reply back, the ping-pong ends. Immutable; start from
 * {@link #defaults()} or {@link #builder()}.
 *
 * <pre>
 *   ReplyRateConfig slow = ReplyRateConfig.builder().datagramsPerSecond(10).build();
 * </pre>
 *
 * <p>Defaults: {@value #DEFAULT_DATAGRAMS_PER_SECOND} datagrams and {@value
 * #DEFAULT_BYTES_PER_SECOND} bytes (1 MiB) per second per source address, a burst of 1 s, and
 * {@value #DEFAULT_MAX_SOURCES} source addresses remembered (the least recently used one is
 * forgotten first). Enforced by {@link SourceRateLimiter}, applied by {@link ReplyPolicy}.
 */
public final class ReplyRateConfig {

  /** Reply datagrams per second to one source address, by default. */
  public static final double DEFAULT_DATAGRAMS_PER_SECOND = 1000;
  /** Reply bytes per second to one source address, by default: 1 MiB. */
  public static final long DEFAULT_BYTES_PER_SECOND = 1L << 20;
  /** How much of the rates may be sent at once, by default. */
  public static final Duration DEFAULT_BURST = Duration.ofSeconds(1);
  /** Source addresses remembered, by default. */
  public static final int DEFAULT_MAX_SOURCES = 4096;

  private final double datagramsPerSecond;
  private final long bytesPerSecond;
  private final Duration burst;
  private final int maxSources;

  private ReplyRateConfig(Builder builder) {
    this.datagramsPerSecond = builder.datagramsPerSecond;
    this.bytesPerSecond = builder.bytesPerSecond;
    this.burst = builder.burst;
    this.maxSources = builder.maxSources;
  }

  /**
   * Returns the defaults: 1000 datagrams/s, 1 MiB/s, burst 1 s, 4096 sources.
   *
   * @return the default budget
   */
  public static ReplyRateConfig defaults() {
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
    return builder().datagramsPerSecond(datagramsPerSecond).bytesPerSecond(bytesPerSecond)
        .burst(burst).maxSources(maxSources);
  }

  /**
   * Returns the reply datagrams per second one source address may get.
   *
   * @return default {@value #DEFAULT_DATAGRAMS_PER_SECOND}
   */
  public double datagramsPerSecond() {
    return datagramsPerSecond;
  }

  /**
   * Returns the reply bytes (UDP payload) per second one source address may get.
   *
   * @return default {@value #DEFAULT_BYTES_PER_SECOND}
   */
  public long bytesPerSecond() {
    return bytesPerSecond;
  }

  /**
   * Returns how much of the rates may be sent at once: a source's buckets hold this long's worth.
   *
   * @return default 1 s
   */
  public Duration burst() {
    return burst;
  }

  /**
   * Returns the most reply datagrams one source may get at once ({@code rate × burst}, at least 1).
   *
   * @return datagrams
   */
  public double burstDatagrams() {
    return Math.max(1, datagramsPerSecond * seconds(burst));
  }

  /**
   * Returns the most reply bytes one source may get at once ({@code rate × burst}, at least 1).
   *
   * @return bytes
   */
  public double burstBytes() {
    return Math.max(1, bytesPerSecond * seconds(burst));
  }

  /**
   * Returns how many source addresses are remembered; beyond it the least recently used goes.
   *
   * @return default {@value #DEFAULT_MAX_SOURCES}
   */
  public int maxSources() {
    return maxSources;
  }

  @Override
  public String toString() {
    return "ReplyRateConfig[" + datagramsPerSecond + " datagrams/s, " + bytesPerSecond
        + " B/s, burst " + burst + ", " + maxSources + " sources]";
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  /** Collects the values of a {@link ReplyRateConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private double datagramsPerSecond = DEFAULT_DATAGRAMS_PER_SECOND;
    private long bytesPerSecond = DEFAULT_BYTES_PER_SECOND;
    private Duration burst = DEFAULT_BURST;
    private int maxSources = DEFAULT_MAX_SOURCES;

    private Builder() {
    }

    /**
     * Sets the reply datagrams per second one source address may get.
     *
     * @param perSecond positive; default {@value ReplyRateConfig#DEFAULT_DATAGRAMS_PER_SECOND}
     * @return this builder
     */
    public Builder datagramsPerSecond(double perSecond) {
      this.datagramsPerSecond = perSecond;
      return this;
    }

    /**
     * Sets the reply bytes per second one source address may get.
     *
     * @param perSecond positive; default {@value ReplyRateConfig#DEFAULT_BYTES_PER_SECOND}
     * @return this builder
     */
    public Builder bytesPerSecond(long perSecond) {
      this.bytesPerSecond = perSecond;
      return this;
    }

    /**
     * Sets how much of the rates may be sent at once.
     *
     * @param duration 1 ms to 1 day; default 1 s
     * @return this builder
     */
    public Builder burst(Duration duration) {
      this.burst = duration;
      return this;
    }

    /**
     * Sets how many source addresses are remembered.
     *
     * @param sources at least 1; default {@value ReplyRateConfig#DEFAULT_MAX_SOURCES}
     * @return this builder
     */
    public Builder maxSources(int sources) {
      this.maxSources = sources;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the burst is null
     * @throws IllegalArgumentException if a value is out of range, e.g.
     *     {@code datagramsPerSecond : 0.0 (expected: > 0)}
     */
    public ReplyRateConfig build() {
      Arguments.checkPositive(datagramsPerSecond, "datagramsPerSecond");
      Arguments.checkInRange(bytesPerSecond, 1, Long.MAX_VALUE, "bytesPerSecond");
      Arguments.checkInRange(Objects.requireNonNull(burst, "burst"), Duration.ofMillis(1),
          Duration.ofDays(1), "burst");
      Arguments.checkPositive(maxSources, "maxSources");
      return new ReplyRateConfig(this);
    }
  }
}
