package dev.netkit.chat.server;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits ERROR replies to addresses that are not logged in, so that the server cannot be used to
 * flood a victim whose address is forged on probes: a token bucket per source IP address (any
 * port), {@code burst} tokens, {@code perSecond} earned back. A source never seen has a full
 * bucket, so a discovery probe (or a first LOGIN_REQ) always gets its reply.
 *
 * <p>The table is bounded: beyond {@code maxSources} entries the least recently used source is
 * forgotten. Forgetting refills that source's bucket, but to get a victim forgotten an attacker
 * must send {@code maxSources} datagrams from other addresses first, so the extra replies stay a
 * tiny fraction of the attacker's own traffic. Used by the server's thread only.
 */
final class ErrorRateLimiter {

  private static final double NANOS_PER_SECOND = 1e9;

  private final int burst;
  private final double tokensPerNano;
  private final Map<InetAddress, TokenBucket> buckets;

  ErrorRateLimiter(int burst, double perSecond, int maxSources) {
    this.burst = burst;
    this.tokensPerNano = perSecond / NANOS_PER_SECOND;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<InetAddress, TokenBucket> eldest) {
        return size() > maxSources;
      }
    };
  }

  /**
   * Takes a token for one reply to {@code source}.
   *
   * @return true if the reply may be sent
   */
  boolean tryAcquire(InetAddress source, long nowNanos) {
    TokenBucket bucket = buckets.computeIfAbsent(source, s -> new TokenBucket(burst, nowNanos));
    return bucket.tryTake(nowNanos, tokensPerNano, burst);
  }

  int size() {
    return buckets.size();
  }

  /** One source's bucket: tokens refill continuously up to the burst size. */
  private static final class TokenBucket {
    private double tokens;
    private long lastNanos;

    TokenBucket(int burst, long nowNanos) {
      this.tokens = burst;
      this.lastNanos = nowNanos;
    }

    boolean tryTake(long nowNanos, double tokensPerNano, int burst) {
      tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * tokensPerNano);
      lastNanos = nowNanos;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }
}
