package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkInRange;
import static dev.netkit.codec.Arguments.checkPositive;
import static dev.netkit.codec.Arguments.checkPositiveOrZero;
import static dev.netkit.codec.Arguments.checkProbability;

import dev.netkit.server.ReplyRateConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The faults and limits of a {@link FaultyProxy}. Immutable; {@link #defaults()} is a plain relay
 * without faults, {@link #builder()} adds them.
 *
 * <pre>
 *   FaultyProxyConfig lossy = FaultyProxyConfig.builder().loss(0.3).duplicate(0.1).seed(18)
 *       .build();
 * </pre>
 */
public final class FaultyProxyConfig {

  /** How long a reordered datagram is held back by default: 5 ms. */
  public static final Duration DEFAULT_REORDER_DELAY = Duration.ofMillis(5);

  /** The default number of client addresses remembered: 1024. */
  public static final int DEFAULT_MAX_CLIENTS = 1024;

  /** The default number of client addresses remembered from one IP address: 64. */
  public static final int DEFAULT_MAX_CLIENTS_PER_ADDRESS = 64;

  /** The default number of datagram copies waiting out a delay: 10000. */
  public static final int DEFAULT_MAX_QUEUED = 10_000;

  /** The default number of bytes of datagram copies waiting out a delay: 16 MiB. */
  public static final long DEFAULT_MAX_QUEUED_BYTES = 16L * 1024 * 1024;

  /**
   * What share of the delay queue one IP address may hold unless told otherwise: a quarter
   * ({@code 1 / 4} of {@link #maxQueued()} and of {@link #maxQueuedBytes()}, at least 1).
   */
  public static final int DEFAULT_QUEUE_SHARE_DIVISOR = 4;

  private final double loss;
  private final double duplicate;
  private final double reorder;
  private final Duration delay;
  private final Duration reorderDelay;
  private final long seed;
  private final int maxClients;
  private final int maxClientsPerAddress;
  private final int maxQueued;
  private final long maxQueuedBytes;
  private final Integer maxQueuedPerAddress;
  private final Long maxQueuedBytesPerAddress;
  private final ReplyRateConfig replyRate;

  private FaultyProxyConfig(Builder builder) {
    this.loss = builder.loss;
    this.duplicate = builder.duplicate;
    this.reorder = builder.reorder;
    this.delay = builder.delay;
    this.reorderDelay = builder.reorderDelay;
    this.seed = builder.seed;
    this.maxClients = builder.maxClients;
    this.maxClientsPerAddress = builder.maxClientsPerAddress;
    this.maxQueued = builder.maxQueued;
    this.maxQueuedBytes = builder.maxQueuedBytes;
    this.maxQueuedPerAddress = builder.maxQueuedPerAddress;
    this.maxQueuedBytesPerAddress = builder.maxQueuedBytesPerAddress;
    this.replyRate = builder.replyRate;
  }

  /**
   * Returns a configuration without faults (a plain relay) and seed 0.
   *
   * @return the default configuration
   */
  public static FaultyProxyConfig defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with every default: no faults.
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
    Builder builder = builder();
    // The shares as given: one left to its default stays a quarter of a total changed later.
    builder.maxQueuedPerAddress = maxQueuedPerAddress;
    builder.maxQueuedBytesPerAddress = maxQueuedBytesPerAddress;
    return builder.loss(loss).duplicate(duplicate).reorder(reorder).delay(delay)
        .reorderDelay(reorderDelay).seed(seed).maxClients(maxClients)
        .maxClientsPerAddress(maxClientsPerAddress).maxQueued(maxQueued)
        .maxQueuedBytes(maxQueuedBytes).replyRate(replyRate);
  }

  /**
   * Returns the chance that a datagram is dropped.
   *
   * @return 0 to 1, default 0
   */
  public double loss() {
    return loss;
  }

  /**
   * Returns the chance that a datagram is sent twice.
   *
   * @return 0 to 1, default 0
   */
  public double duplicate() {
    return duplicate;
  }

  /**
   * Returns the chance that a datagram copy is held back by {@link #reorderDelay()}.
   *
   * @return 0 to 1, default 0
   */
  public double reorder() {
    return reorder;
  }

  /**
   * Returns the delay of every datagram.
   *
   * @return default none
   */
  public Duration delay() {
    return delay;
  }

  /**
   * Returns how long a reordered copy is held back.
   *
   * @return default {@link #DEFAULT_REORDER_DELAY}
   */
  public Duration reorderDelay() {
    return reorderDelay;
  }

  /**
   * Returns the seed of the random choices.
   *
   * @return default 0
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the most client addresses remembered.
   *
   * @return default {@value #DEFAULT_MAX_CLIENTS}
   */
  public int maxClients() {
    return maxClients;
  }

  /**
   * Returns the most client addresses remembered from one IP address: a new client from an IP
   * address at the limit makes the proxy forget that address's least recently active client, not
   * another address's, so that one host's ports cannot take every slot.
   *
   * @return default {@value #DEFAULT_MAX_CLIENTS_PER_ADDRESS}
   */
  public int maxClientsPerAddress() {
    return maxClientsPerAddress;
  }

  /**
   * Returns the most datagram copies waiting out a delay.
   *
   * @return default {@value #DEFAULT_MAX_QUEUED}
   */
  public int maxQueued() {
    return maxQueued;
  }

  /**
   * Returns the most bytes of datagram copies waiting out a delay (payload bytes; a copy that
   * would go over is dropped and counted as overflow).
   *
   * @return default {@value #DEFAULT_MAX_QUEUED_BYTES}
   */
  public long maxQueuedBytes() {
    return maxQueuedBytes;
  }

  /**
   * Returns the most datagram copies waiting out a delay that belong to one client IP address
   * (any port): sent by it, or going to it. A copy beyond is dropped and counted as overflow, so
   * that one host cannot fill the queue and make every other client's delayed datagrams
   * overflow.
   *
   * @return default a quarter of {@link #maxQueued()} (at least 1); at most {@link #maxQueued()}
   */
  public int maxQueuedPerAddress() {
    return maxQueuedPerAddress != null ? maxQueuedPerAddress : share(maxQueued);
  }

  /**
   * Returns the most bytes of datagram copies waiting out a delay that belong to one client IP
   * address (any port), in both directions; beyond, like {@link #maxQueuedPerAddress()}.
   *
   * @return default a quarter of {@link #maxQueuedBytes()} (at least 1); at most
   *     {@link #maxQueuedBytes()}
   */
  public long maxQueuedBytesPerAddress() {
    return maxQueuedBytesPerAddress != null ? maxQueuedBytesPerAddress : share(maxQueuedBytes);
  }

  /**
   * Returns the budget of what the proxy sends to one client IP address (every copy of every
   * reply, delayed or not; a copy beyond is held back and counted in
   * {@link FaultyProxyStats#repliesRateLimited()}), so that with duplicates, or to a forged
   * source address, the proxy is not an amplifier.
   *
   * @return default {@link ReplyRateConfig#defaults()}: 1000 datagrams and 1 MiB per second per
   *     address, burst 1 s
   */
  public ReplyRateConfig replyRate() {
    return replyRate;
  }

  private static int share(int total) {
    return Math.max(1, total / DEFAULT_QUEUE_SHARE_DIVISOR);
  }

  private static long share(long total) {
    return Math.max(1, total / DEFAULT_QUEUE_SHARE_DIVISOR);
  }

  @Override
  public String toString() {
    return "FaultyProxyConfig[loss=" + loss + ", duplicate=" + duplicate + ", reorder=" + reorder
        + ", delay=" + delay + ", reorderDelay=" + reorderDelay + ", seed=" + seed
        + ", maxClients=" + maxClients + ", maxClientsPerAddress=" + maxClientsPerAddress
        + ", maxQueued=" + maxQueued + ", maxQueuedBytes=" + maxQueuedBytes
        + ", maxQueuedPerAddress=" + maxQueuedPerAddress()
        + ", maxQueuedBytesPerAddress=" + maxQueuedBytesPerAddress() + ", replyRate=" + replyRate
        + "]";
  }

  /** Collects the values of a {@link FaultyProxyConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private double loss;
    private double duplicate;
    private double reorder;
    private Duration delay = Duration.ZERO;
    private Duration reorderDelay = DEFAULT_REORDER_DELAY;
    private long seed;
    private int maxClients = DEFAULT_MAX_CLIENTS;
    private int maxClientsPerAddress = DEFAULT_MAX_CLIENTS_PER_ADDRESS;
    private int maxQueued = DEFAULT_MAX_QUEUED;
    private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
    private Integer maxQueuedPerAddress;
    private Long maxQueuedBytesPerAddress;
    private ReplyRateConfig replyRate = ReplyRateConfig.defaults();

    private Builder() {
    }

    /**
     * Sets the chance that a datagram is dropped.
     *
     * @param p 0 to 1
     * @return this builder
     */
    public Builder loss(double p) {
      this.loss = p;
      return this;
    }

    /**
     * Sets the chance that a datagram is sent twice.
     *
     * @param p 0 to 1
     * @return this builder
     */
    public Builder duplicate(double p) {
      this.duplicate = p;
      return this;
    }

    /**
     * Sets the chance that a datagram copy is held back, so that later ones overtake it.
     *
     * @param p 0 to 1
     * @return this builder
     */
    public Builder reorder(double p) {
      this.reorder = p;
      return this;
    }

    /**
     * Sets a delay for every datagram.
     *
     * @param d zero or more
     * @return this builder
     */
    public Builder delay(Duration d) {
      this.delay = d;
      return this;
    }

    /**
     * Sets how long a reordered copy is held back.
     *
     * @param d zero or more
     * @return this builder
     */
    public Builder reorderDelay(Duration d) {
      this.reorderDelay = d;
      return this;
    }

    /**
     * Sets the seed of the random choices, to make them repeatable.
     *
     * @param s the seed
     * @return this builder
     */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Sets the most client addresses remembered; the least recently active is forgotten.
     *
     * @param clients at least 1
     * @return this builder
     */
    public Builder maxClients(int clients) {
      this.maxClients = clients;
      return this;
    }

    /**
     * Sets the most client addresses remembered from one IP address.
     *
     * @param clients at least 1
     * @return this builder
     */
    public Builder maxClientsPerAddress(int clients) {
      this.maxClientsPerAddress = clients;
      return this;
    }

    /**
     * Sets the most datagram copies waiting out a delay; more are dropped and counted.
     *
     * @param copies at least 1
     * @return this builder
     */
    public Builder maxQueued(int copies) {
      this.maxQueued = copies;
      return this;
    }

    /**
     * Sets the most bytes of datagram copies waiting out a delay; more are dropped and counted.
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxQueuedBytes(long bytes) {
      this.maxQueuedBytes = bytes;
      return this;
    }

    /**
     * Sets the most datagram copies waiting out a delay that belong to one client IP address.
     *
     * @param copies 1 to {@link #maxQueued(int)}; default a quarter of it
     * @return this builder
     */
    public Builder maxQueuedPerAddress(int copies) {
      this.maxQueuedPerAddress = copies;
      return this;
    }

    /**
     * Sets the most bytes of datagram copies waiting out a delay that belong to one client IP
     * address.
     *
     * @param bytes 1 to {@link #maxQueuedBytes(long)}; default a quarter of it
     * @return this builder
     */
    public Builder maxQueuedBytesPerAddress(long bytes) {
      this.maxQueuedBytesPerAddress = bytes;
      return this;
    }

    /**
     * Sets the budget of what the proxy sends to one client IP address.
     *
     * @param budget not null; default {@link ReplyRateConfig#defaults()}
     * @return this builder
     */
    public Builder replyRate(ReplyRateConfig budget) {
      this.replyRate = budget;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if a delay or the reply budget is null
     * @throws IllegalArgumentException if a probability is not 0-1, a delay is negative, a
     *     limit is not positive or a per-address share of the queue is more than the whole, e.g.
     *     {@code maxQueuedPerAddress : 30 (expected: 1-20)}
     */
    public FaultyProxyConfig build() {
      checkProbability(loss, "loss");
      checkProbability(duplicate, "duplicate");
      checkProbability(reorder, "reorder");
      checkPositiveOrZero(delay, "delay");
      checkPositiveOrZero(reorderDelay, "reorderDelay");
      checkPositive(maxClients, "maxClients");
      checkPositive(maxClientsPerAddress, "maxClientsPerAddress");
      checkPositive(maxQueued, "maxQueued");
      checkPositive(maxQueuedBytes, "maxQueuedBytes");
      if (maxQueuedPerAddress != null) {
        checkInRange(maxQueuedPerAddress, 1, maxQueued, "maxQueuedPerAddress");
      }
      if (maxQueuedBytesPerAddress != null) {
        checkInRange(maxQueuedBytesPerAddress, 1, maxQueuedBytes, "maxQueuedBytesPerAddress");
      }
      Objects.requireNonNull(replyRate, "replyRate");
      return new FaultyProxyConfig(this);
    }
  }
}
