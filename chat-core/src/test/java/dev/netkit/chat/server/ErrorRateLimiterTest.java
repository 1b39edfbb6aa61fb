package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ErrorRateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  private static InetAddress address(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
  }

  @Test
  void aSourceGetsItsBurstThenOneReplyPerEarnedToken() throws Exception {
    ErrorRateLimiter limiter = new ErrorRateLimiter(3, 2.0, 10);
    InetAddress source = address(1);

    assertThat(limiter.tryAcquire(source, 0)).isTrue();
    assertThat(limiter.tryAcquire(source, 0)).isTrue();
    assertThat(limiter.tryAcquire(source, 0)).isTrue();
    assertThat(limiter.tryAcquire(source, 0)).isFalse();
    assertThat(limiter.tryAcquire(source, SECOND / 4)).isFalse();
    assertThat(limiter.tryAcquire(source, SECOND / 2)).isTrue();
    assertThat(limiter.tryAcquire(source, SECOND / 2)).isFalse();
  }

  @Test
  void tokensNeverExceedTheBurst() throws Exception {
    ErrorRateLimiter limiter = new ErrorRateLimiter(2, 1.0, 10);
    InetAddress source = address(1);
    limiter.tryAcquire(source, 0);

    long later = 1000 * SECOND;
    assertThat(limiter.tryAcquire(source, later)).isTrue();
    assertThat(limiter.tryAcquire(source, later)).isTrue();
    assertThat(limiter.tryAcquire(source, later)).isFalse();
  }

  @Test
  void sourcesAreIndependentAndTheTableForgetsTheLeastRecentlyUsed() throws Exception {
    ErrorRateLimiter limiter = new ErrorRateLimiter(1, 0.001, 3);
    for (int i = 1; i <= 3; i++) {
      assertThat(limiter.tryAcquire(address(i), 0)).isTrue();
    }
    assertThat(limiter.tryAcquire(address(1), 0)).isFalse();

    assertThat(limiter.tryAcquire(address(4), 0)).isTrue();

    assertThat(limiter.size()).isEqualTo(3);
    assertThat(limiter.tryAcquire(address(1), 0)).isFalse();
    assertThat(limiter.tryAcquire(address(2), 0)).isTrue();
  }
}
