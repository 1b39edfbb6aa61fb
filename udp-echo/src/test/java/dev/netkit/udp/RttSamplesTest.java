package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RttSamplesTest {

  @Test
  void percentilesByNearestRank() {
    RttSamples samples = new RttSamples(1000);
    for (int i = 100; i >= 1; i--) {
      samples.add(Duration.ofMillis(i).toNanos());
    }

    assertThat(samples.percentiles(50, 90, 99, 100)).containsExactly(Duration.ofMillis(50),
        Duration.ofMillis(90), Duration.ofMillis(99), Duration.ofMillis(100));
    assertThat(samples.count()).isEqualTo(100);
  }

  @Test
  void keepsOnlyTheLatestSamples() {
    RttSamples samples = new RttSamples(3);
    for (int i = 1; i <= 10; i++) {
      samples.add(i);
    }

    assertThat(samples.percentiles(1, 100)).containsExactly(Duration.ofNanos(8),
        Duration.ofNanos(10));
    assertThat(samples.count()).isEqualTo(10);
  }

  @Test
  void zeroWithoutSamples() {
    assertThat(new RttSamples(3).percentiles(50)).containsExactly(Duration.ZERO);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new RttSamples(0)).hasMessage("capacity : 0 (expected: > 0)");
    RttSamples samples = new RttSamples(1);
    samples.add(1);
    assertThatThrownBy(() -> samples.percentiles(0))
        .hasMessage("percentile : 0.0 (expected: (0, 100])");
  }
}
