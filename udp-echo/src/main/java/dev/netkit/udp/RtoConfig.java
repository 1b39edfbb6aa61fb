package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkPositive;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of the retransmission timeout (RTO) of an {@link RtoEstimator}. Immutable; start
 * from {@link #defaults()} or {@link #builder()}.
 *
 * <p>Defaults: initial 2 s (the book's fixed timeout; RFC 6298 says 1 s), minimum 200 ms (Linux
 * TCP's {@code TCP_RTO_MIN}; RFC 6298 recommends 1 s for TCP on the Internet, but a spurious
 * retransmission of an idempotent UDP request only costs a discarded duplicate), maximum 60 s
 * (RFC 6298 (2.5)). A value left unset follows the ones that are set: setting only an initial
 * RTO of 50 ms gives a minimum of 50 ms, setting only a minimum of 3 s an initial RTO of 3 s.
 */
public final class RtoConfig {

  /** The book's fixed timeout, used as the initial RTO: 2 s. */
  public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(2);

  /** The default minimum RTO: 200 ms. */
  public static final Duration DEFAULT_MIN = Duration.ofMillis(200);

  /** The default maximum RTO: 60 s. */
  public static final Duration DEFAULT_MAX = Duration.ofSeconds(60);

  private final Duration initial;
  private final Duration min;
  private final Duration max;

  /** Takes the builder's values, the unset ones following the set ones. */
  private RtoConfig(Builder builder) {
    this.initial = builder.initial != null ? builder.initial : builder.clamp(DEFAULT_INITIAL);
    this.min = builder.min != null ? builder.min : Builder.least(DEFAULT_MIN, initial);
    this.max = builder.max != null ? builder.max : Builder.greatest(DEFAULT_MAX, initial);
  }

  /**
   * Returns the defaults: initial 2 s, minimum 200 ms, maximum 60 s.
   *
   * @return the default configuration
   */
  public static RtoConfig defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with every value unset (that is, at its default).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with this configuration's values, all set.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return builder().initial(initial).min(min).max(max);
  }

  /**
   * Returns the RTO before the first round-trip sample.
   *
   * @return default {@link #DEFAULT_INITIAL}
   */
  public Duration initial() {
    return initial;
  }

  /**
   * Returns the smallest RTO.
   *
   * @return default {@link #DEFAULT_MIN}
   */
  public Duration min() {
    return min;
  }

  /**
   * Returns the largest RTO, also the cap of backed-off timeouts.
   *
   * @return default {@link #DEFAULT_MAX}
   */
  public Duration max() {
    return max;
  }

  /** Collects the bounds of an {@link RtoConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private Duration initial;
    private Duration min;
    private Duration max;

    private Builder() {
    }

    /**
     * Sets the RTO before the first round-trip sample.
     *
     * @param rto between the minimum and the maximum
     * @return this builder
     */
    public Builder initial(Duration rto) {
      this.initial = Objects.requireNonNull(rto, "initial");
      return this;
    }

    /**
     * Sets the smallest RTO.
     *
     * @param rto positive, at most the initial RTO
     * @return this builder
     */
    public Builder min(Duration rto) {
      this.min = Objects.requireNonNull(rto, "min");
      return this;
    }

    /**
     * Sets the largest RTO.
     *
     * @param rto at least the initial RTO
     * @return this builder
     */
    public Builder max(Duration rto) {
      this.max = Objects.requireNonNull(rto, "max");
      return this;
    }

    /**
     * Fills in the unset bounds, checks them and builds the configuration.
     *
     * @return the immutable configuration
     * @throws IllegalArgumentException unless {@code 0 < min <= initial <= max}
     */
    public RtoConfig build() {
      RtoConfig config = new RtoConfig(this);
      checkPositive(config.min, "min");
      if (config.initial.compareTo(config.min) < 0 || config.initial.compareTo(config.max) > 0) {
        throw new IllegalArgumentException("initial : " + config.initial + " (expected: "
            + config.min + "-" + config.max + ")");
      }
      return config;
    }

    /** The default initial RTO moved into the bounds that are set. */
    private Duration clamp(Duration rto) {
      Duration raised = min != null ? greatest(rto, min) : rto;
      return max != null ? least(raised, max) : raised;
    }

    private static Duration least(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration greatest(Duration a, Duration b) {
      return a.compareTo(b) >= 0 ? a : b;
    }
  }
}
