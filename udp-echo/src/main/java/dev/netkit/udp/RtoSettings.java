package dev.netkit.udp;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of the retransmission timeout (RTO) of an {@link RtoEstimator}.
 *
 * <p>Defaults: initial 2 s (the book's fixed timeout; RFC 6298 says 1 s), minimum 200 ms (Linux
 * TCP's {@code TCP_RTO_MIN}; RFC 6298 recommends 1 s for TCP on the Internet, but a spurious
 * retransmission of an idempotent UDP request only costs a discarded duplicate), maximum 60 s
 * (RFC 6298 (2.5)).
 *
 * @param initial the RTO before the first round-trip sample
 * @param min the smallest RTO
 * @param max the largest RTO, also the cap of backed-off timeouts
 */
public record RtoSettings(Duration initial, Duration min, Duration max) {

  /** The book's fixed timeout, used as the initial RTO: 2 s. */
  public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(2);

  /** The default minimum RTO: 200 ms. */
  public static final Duration DEFAULT_MIN = Duration.ofMillis(200);

  /** The default maximum RTO: 60 s. */
  public static final Duration DEFAULT_MAX = Duration.ofSeconds(60);

  /**
   * Checks the bounds.
   *
   * @throws NullPointerException if a bound is null
   * @throws IllegalArgumentException unless {@code 0 < min <= initial <= max}
   */
  public RtoSettings {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative() || min.isZero()) {
      throw new IllegalArgumentException("min : " + min + " (expected: > 0)");
    }
    if (initial.compareTo(min) < 0 || initial.compareTo(max) > 0) {
      throw new IllegalArgumentException("initial : " + initial + " (expected: " + min + ".."
          + max + ")");
    }
  }

  /**
   * Returns the defaults: initial 2 s, minimum 200 ms, maximum 60 s.
   *
   * @return the default settings
   */
  public static RtoSettings defaults() {
    return new RtoSettings(DEFAULT_INITIAL, DEFAULT_MIN, DEFAULT_MAX);
  }

  /**
   * Returns settings with another initial RTO, lowering the minimum or raising the maximum if
   * needed to keep it in range.
   *
   * @param newInitial the RTO before the first sample
   * @return the new settings
   */
  public RtoSettings withInitial(Duration newInitial) {
    return new RtoSettings(newInitial, min.compareTo(newInitial) > 0 ? newInitial : min,
        max.compareTo(newInitial) < 0 ? newInitial : max);
  }

  /**
   * Returns settings with another minimum RTO (the initial RTO is raised to it if below).
   *
   * @param newMin the smallest RTO
   * @return the new settings
   */
  public RtoSettings withMin(Duration newMin) {
    return new RtoSettings(initial.compareTo(newMin) < 0 ? newMin : initial, newMin, max);
  }
}
