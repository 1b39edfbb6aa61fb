package dev.netkit.server;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Token buckets per source IP address (any port) for what a datagram server sends there: one
 * bucket of datagrams and one of bytes, filled continuously at the rates of a
 * {@link ReplyRateConfig} up to its burst. A source never seen starts with full buckets, so a
 * first request is always answered.
 *
 * <p>The table is bounded: beyond {@link ReplyRateConfig#maxSources()} addresses the least
 * recently used one is forgotten. Forgetting refills that address's buckets, but to get a victim
 * forgotten an attacker must send from that many other addresses first, so the extra replies
 * stay a small fraction of the attacker's own traffic. Thread-safe (one lock; the loops of one
 * server share it).
 */
public final class SourceRateLimiter {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double datagramCapacity;
  private final double byteCapacity;
  private final double datagramsPerNano;
  private final double bytesPerNano;
  private final Map<InetAddress, Buckets> sources;

  /**
   * Creates a limiter with empty tables.
   *
   * @param config the rates, burst and table size
   */
  public SourceRateLimiter(ReplyRateConfig config) {
    Objects.requireNonNull(config, "config");
    this.datagramCapacity = config.burstDatagrams();
    this.byteCapacity = config.burstBytes();
    this.datagramsPerNano = config.datagramsPerSecond() / NANOS_PER_SECOND;
    this.bytesPerNano = config.bytesPerSecond() / NANOS_PER_SECOND;
    int maxSources = config.maxSources();
    this.sources = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<InetAddress, Buckets> eldest) {
        return size() > maxSources;
      }
    };
  }

  /**
   * Takes one datagram of {@code bytes} from a source's budget, if both of its buckets allow
   * it. A datagram larger than the byte burst passes only when the byte bucket is full.
   *
   * @param source the address the datagram goes to
   * @param bytes its payload length
   * @param nowNanos the time ({@link System#nanoTime()})
   * @return true if it may be sent (the tokens are taken), false if it must be held back
   */
  public synchronized boolean tryAcquire(InetAddress source, int bytes, long nowNanos) {
    Buckets buckets = sources.computeIfAbsent(source, s -> new Buckets(nowNanos));
    return buckets.tryTake(bytes, nowNanos);
  }

  /**
   * Returns how many source addresses are remembered.
   *
   * @return at most {@link ReplyRateConfig#maxSources()}
   */
  public synchronized int size() {
    return sources.size();
  }

  /** One source's two buckets; they refill together. */
  private final class Buckets {
    private double datagrams = datagramCapacity;
    private double bytes = byteCapacity;
    private long lastNanos;

    Buckets(long nowNanos) {
      this.lastNanos = nowNanos;
    }

    boolean tryTake(int length, long nowNanos) {
      long elapsed = Math.max(0, nowNanos - lastNanos);
      lastNanos = nowNanos;
      datagrams = Math.min(datagramCapacity, datagrams + elapsed * datagramsPerNano);
      bytes = Math.min(byteCapacity, bytes + elapsed * bytesPerNano);
      double cost = Math.min(length, byteCapacity);
      if (datagrams < 1 || bytes < cost) {
        return false;
      }
      datagrams -= 1;
      bytes -= cost;
      return true;
    }
  }
}
