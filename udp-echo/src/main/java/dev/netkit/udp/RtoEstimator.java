package dev.netkit.udp;

import java.time.Duration;
import java.util.Optional;

/**
 * The retransmission timer of RFC 6298, for request/response over UDP: a smoothed round-trip time
 * (SRTT) and its variation (RTTVAR) from round-trip samples, and from them the retransmission
 * timeout (RTO).
 *
 * <ul>
 *   <li>Before any sample: RTO = the initial RTO (2.1).
 *   <li>First sample R: SRTT = R, RTTVAR = R/2 (2.2).
 *   <li>Later samples: RTTVAR = 3/4 RTTVAR + 1/4 |SRTT − R|, then SRTT = 7/8 SRTT + 1/8 R (2.3).
 *   <li>RTO = SRTT + max(G, 4 RTTVAR) with a clock granularity G of 1 ms (the resolution of
 *       netkit's timers), then clamped to [min, max] (2.4, 2.5).
 *   <li>Backoff (5.5): the k-th retransmission of a request waits RTO·2<sup>k</sup>, capped at
 *       max ({@link #retransmissionTimeout(int)}). Requests are independent, so the backoff is per
 *       request: one lost request does not slow down the others.
 * </ul>
 *
 * <p>Karn's rule (RFC 6298 (3)) is the caller's part: feed only samples of requests that were sent
 * once, as a reply to a retransmitted request cannot be told apart from a reply to its first send.
 * Thread-safe.
 */
public final class RtoEstimator {

  /** The clock granularity G of RFC 6298: 1 ms. */
  public static final Duration CLOCK_GRANULARITY = Duration.ofMillis(1);

  private static final int MAX_BACKOFF_SHIFT = 30;

  private final long minNanos;
  private final long maxNanos;
  private long rtoNanos;
  private long srttNanos = -1;
  private long rttvarNanos;
  private long samples;

  /**
   * Creates an estimator with no samples yet.
   *
   * @param config the initial, minimum and maximum RTO
   */
  public RtoEstimator(RtoConfig config) {
    this.minNanos = config.min().toNanos();
    this.maxNanos = config.max().toNanos();
    this.rtoNanos = config.initial().toNanos();
  }

  /**
   * Takes a round-trip sample into account.
   *
   * @param rtt the time from sending a request (sent only once) to its reply
   * @throws IllegalArgumentException if {@code rtt} is negative
   */
  public void sample(Duration rtt) {
    sampleNanos(rtt.toNanos());
  }

  /**
   * Takes a round-trip sample in nanoseconds into account, like {@link #sample(Duration)}.
   *
   * @param rttNanos the round-trip time in nanoseconds
   * @throws IllegalArgumentException if {@code rttNanos} is negative
   */
  public synchronized void sampleNanos(long rttNanos) {
    if (rttNanos < 0) {
      throw new IllegalArgumentException("rtt : " + rttNanos + " ns (expected: >= 0)");
    }
    if (srttNanos < 0) {
      srttNanos = rttNanos;
      rttvarNanos = rttNanos / 2;
    } else {
      rttvarNanos = (3 * rttvarNanos + Math.abs(srttNanos - rttNanos)) / 4;
      srttNanos = (7 * srttNanos + rttNanos) / 8;
    }
    samples++;
    long variation = Math.max(CLOCK_GRANULARITY.toNanos(), 4 * rttvarNanos);
    rtoNanos = clamp(srttNanos + variation);
  }

  private long clamp(long nanos) {
    return Math.min(maxNanos, Math.max(minNanos, nanos));
  }

  /**
   * Returns the current retransmission timeout.
   *
   * @return the RTO
   */
  public synchronized Duration rto() {
    return Duration.ofNanos(rtoNanos);
  }

  /**
   * Returns the timeout after the given number of retransmissions of one request: RTO·2^k, at
   * most the maximum RTO.
   *
   * @param retransmissions how often the request was sent again already (0 for the first send)
   * @return the time to wait for a reply
   * @throws IllegalArgumentException if {@code retransmissions} is negative
   */
  public synchronized Duration retransmissionTimeout(int retransmissions) {
    return Duration.ofNanos(retransmissionTimeoutNanos(retransmissions));
  }

  /**
   * Returns {@link #retransmissionTimeout(int)} in nanoseconds.
   *
   * @param retransmissions how often the request was sent again already
   * @return the time to wait for a reply, in nanoseconds
   * @throws IllegalArgumentException if {@code retransmissions} is negative
   */
  public synchronized long retransmissionTimeoutNanos(int retransmissions) {
    if (retransmissions < 0) {
      throw new IllegalArgumentException(
          "retransmissions : " + retransmissions + " (expected: >= 0)");
    }
    int shift = Math.min(retransmissions, MAX_BACKOFF_SHIFT);
    long backedOff = rtoNanos > (maxNanos >> shift) ? maxNanos : rtoNanos << shift;
    return Math.min(maxNanos, backedOff);
  }

  /**
   * Returns the smoothed round-trip time.
   *
   * @return SRTT, or empty before the first sample
   */
  public synchronized Optional<Duration> srtt() {
    return srttNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(srttNanos));
  }

  /**
   * Returns the round-trip time variation.
   *
   * @return RTTVAR, or empty before the first sample
   */
  public synchronized Optional<Duration> rttvar() {
    return srttNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(rttvarNanos));
  }

  /**
   * Returns how many samples the estimator has taken.
   *
   * @return the number of samples
   */
  public synchronized long samples() {
    return samples;
  }
}
