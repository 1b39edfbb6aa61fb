package dev.netkit.udp;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The faults of a {@link FaultyProxy}, without sockets: decides what happens to each datagram.
 * Drawn in this order, from one random sequence: dropped with probability
 * {@link FaultyProxyConfig#loss()}; else sent twice with probability
 * {@link FaultyProxyConfig#duplicate()}; then each copy waits {@link FaultyProxyConfig#delay()},
 * and with probability {@link FaultyProxyConfig#reorder()} another
 * {@link FaultyProxyConfig#reorderDelay()}. The same seed gives the same fates. Not thread-safe.
 */
final class FaultModel {

  /** What happens to one datagram. */
  record Fate(List<Duration> delays, int reorderedCopies) {

    /** A datagram that is dropped. */
    static final Fate DROPPED = new Fate(List.of(), 0);

    /**
     * Tells whether the datagram is dropped.
     *
     * @return true when no copy is sent
     */
    boolean dropped() {
      return delays.isEmpty();
    }

    /**
     * Tells whether the datagram is sent twice.
     *
     * @return true with two copies
     */
    boolean duplicated() {
      return delays.size() == 2;
    }
  }

  private final FaultyProxyConfig config;
  private final Random random;

  /**
   * Creates the model with the configuration's seed.
   *
   * @param config the probabilities and delays
   */
  FaultModel(FaultyProxyConfig config) {
    this(config, new Random(config.seed()));
  }

  /**
   * Creates the model on a random sequence of the caller's.
   *
   * @param config the probabilities and delays (its seed is not used)
   * @param random where the draws come from
   */
  FaultModel(FaultyProxyConfig config, Random random) {
    this.config = config;
    this.random = random;
  }

  /**
   * Decides the fate of the next datagram.
   *
   * @return no delays when it is dropped, else the delay of each copy (zero: send at once)
   */
  Fate next() {
    if (random.nextDouble() < config.loss()) {
      return Fate.DROPPED;
    }
    int copies = random.nextDouble() < config.duplicate() ? 2 : 1;
    Duration[] delays = new Duration[copies];
    int reordered = 0;
    for (int i = 0; i < copies; i++) {
      delays[i] = config.delay();
      if (random.nextDouble() < config.reorder()) {
        reordered++;
        delays[i] = delays[i].plus(config.reorderDelay());
      }
    }
    return new Fate(List.of(delays), reordered);
  }
}
