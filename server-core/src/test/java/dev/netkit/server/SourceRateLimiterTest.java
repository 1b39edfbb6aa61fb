package dev.netkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

  private static final long SECOND = 1_000_000_000L;
  private static final InetAddress A = address(1);
  private static final InetAddress B = address(2);

  @Test
  void aNewSourceGetsTheBurstThenTheRate() {
    SourceRateLimiter limiter = new SourceRateLimiter(ReplyRateConfig.builder()
        .datagramsPerSecond(10).burst(Duration.ofSeconds(1)).build());
    assertThat(taken(limiter, A, 1, 100, 0)).isEqualTo(10);
    assertThat(limiter.tryAcquire(A, 1, SECOND / 10 - 1)).isFalse();
    assertThat(limiter.tryAcquire(A, 1, SECOND / 10 + 1)).isTrue();
    assertThat(limiter.tryAcquire(B, 1, SECOND / 10 + 1)).isTrue();
  }

  @Test
  void bytesAreLimitedToo() {
    SourceRateLimiter limiter = new SourceRateLimiter(ReplyRateConfig.builder()
        .datagramsPerSecond(1000).bytesPerSecond(1000).build());
    assertThat(taken(limiter, A, 100, 100, 0)).isEqualTo(10);
    assertThat(limiter.tryAcquire(A, 100, SECOND / 10)).isTrue();
  }

  @Test
  void aDatagramLargerThanTheByteBurstPassesOnAFullBucket() {
    SourceRateLimiter limiter = new SourceRateLimiter(ReplyRateConfig.builder()
        .bytesPerSecond(100).build());
    assertThat(limiter.tryAcquire(A, 5000, 0)).isTrue();
    assertThat(limiter.tryAcquire(A, 5000, SECOND / 2)).isFalse();
    assertThat(limiter.tryAcquire(A, 5000, 2 * SECOND)).isTrue();
  }

  @Test
  void theTableIsBoundedLeastRecentlyUsedFirst() {
    SourceRateLimiter limiter = new SourceRateLimiter(ReplyRateConfig.builder()
        .datagramsPerSecond(1).maxSources(2).build());
    assertThat(limiter.tryAcquire(A, 1, 0)).isTrue();
    assertThat(limiter.tryAcquire(B, 1, 0)).isTrue();
    assertThat(limiter.tryAcquire(A, 1, 0)).isFalse();
    assertThat(limiter.tryAcquire(address(3), 1, 0)).isTrue();
    assertThat(limiter.size()).isEqualTo(2);
    assertThat(limiter.tryAcquire(B, 1, 0)).as("B was forgotten, so refilled").isTrue();
  }

  @Test
  void refusesServicePortsAndItsOwnPort() {
    ReplyPolicy policy = new ReplyPolicy(2007, ReplyRateConfig.defaults());
    assertThat(policy.refusesSource(new InetSocketAddress(A, 7))).isTrue();
    assertThat(policy.refusesSource(new InetSocketAddress(A, 0))).isTrue();
    assertThat(policy.refusesSource(new InetSocketAddress(A, 1023))).isTrue();
    assertThat(policy.refusesSource(new InetSocketAddress(A, 2007))).isTrue();
    assertThat(policy.refusesSource(new InetSocketAddress(A, 1024))).isFalse();
    assertThat(policy.refusesSource(new InetSocketAddress(A, 40000))).isFalse();
  }

  @Test
  void configChecksItsValues() {
    assertThat(ReplyRateConfig.defaults().burstDatagrams()).isEqualTo(1000);
    assertThat(ReplyRateConfig.defaults().burstBytes()).isEqualTo(1 << 20);
    assertThatThrownBy(() -> ReplyRateConfig.builder().datagramsPerSecond(0).build())
        .hasMessage("datagramsPerSecond : 0.0 (expected: > 0)");
    assertThatThrownBy(() -> ReplyRateConfig.builder().maxSources(0).build())
        .hasMessage("maxSources : 0 (expected: > 0)");
  }

  private static int taken(SourceRateLimiter limiter, InetAddress source, int bytes, int tries,
      long now) {
    int taken = 0;
    for (int i = 0; i < tries; i++) {
      if (limiter.tryAcquire(source, bytes, now)) {
        taken++;
      }
    }
    return taken;
  }

  private static InetAddress address(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
