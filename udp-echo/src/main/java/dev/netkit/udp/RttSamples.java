package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkPositive;

import java.time.Duration;
import java.util.Arrays;

/**
 * The most recent round-trip samples (a ring of fixed capacity) and their percentiles by the
 * nearest-rank method. Thread-safe.
 */
final class RttSamples {

  private final long[] ring;
  private long count;

  /**
   * Creates an empty ring.
   *
   * @param capacity how many of the latest samples to keep (at least 1)
   */
  RttSamples(int capacity) {
    this.ring = new long[checkPositive(capacity, "capacity")];
  }

  /**
   * Records a sample, replacing the oldest when full.
   *
   * @param nanos the round-trip time in nanoseconds
   */
  synchronized void add(long nanos) {
    ring[(int) (count % ring.length)] = nanos;
    count++;
  }

  /**
   * Returns percentiles of the kept samples.
   *
   * @param percents the percentiles wanted, each in (0, 100]
   * @return one duration per percentile, {@link Duration#ZERO} each when there are no samples
   */
  Duration[] percentiles(double... percents) {
    long[] sorted;
    synchronized (this) {
      sorted = Arrays.copyOf(ring, (int) Math.min(count, ring.length));
    }
    Arrays.sort(sorted);
    Duration[] result = new Duration[percents.length];
    for (int i = 0; i < percents.length; i++) {
      result[i] = sorted.length == 0 ? Duration.ZERO
          : Duration.ofNanos(sorted[nearestRank(percents[i], sorted.length) - 1]);
    }
    return result;
  }

  private static int nearestRank(double percent, int size) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile : " + percent + " (expected: (0, 100])");
    }
    return Math.max(1, (int) Math.ceil(percent / 100 * size));
  }

  /**
   * Returns how many samples were ever recorded.
   *
   * @return the count, including those no longer kept
   */
  synchronized long count() {
    return count;
  }
}
