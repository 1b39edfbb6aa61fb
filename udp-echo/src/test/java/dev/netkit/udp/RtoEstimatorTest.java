package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtoEstimatorTest {

  private static final RtoConfig SETTINGS = RtoConfig.builder().initial(Duration.ofSeconds(1))
      .min(Duration.ofMillis(10)).max(Duration.ofSeconds(8)).build();

  private final RtoEstimator estimator = new RtoEstimator(SETTINGS);

  @Test
  void startsWithTheInitialRtoAndNoSrtt() {
    assertThat(estimator.rto()).isEqualTo(Duration.ofSeconds(1));
    assertThat(estimator.srtt()).isEmpty();
    assertThat(estimator.rttvar()).isEmpty();
    assertThat(estimator.samples()).isZero();
  }

  @Test
  void firstSampleSetsSrttAndHalfOfItAsRttvar() {
    estimator.sample(Duration.ofMillis(100));

    assertThat(estimator.srtt()).contains(Duration.ofMillis(100));
    assertThat(estimator.rttvar()).contains(Duration.ofMillis(50));
    // RTO = SRTT + 4 * RTTVAR = 100 + 200
    assertThat(estimator.rto()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void laterSamplesAreSmoothedAsRfc6298Says() {
    estimator.sample(Duration.ofMillis(100));
    estimator.sample(Duration.ofMillis(200));

    // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5; SRTT = 7/8 * 100 + 1/8 * 200 = 112.5
    assertThat(estimator.rttvar()).contains(Duration.ofMillis(62).plusNanos(500_000));
    assertThat(estimator.srtt()).contains(Duration.ofMillis(112).plusNanos(500_000));
    assertThat(estimator.rto()).isEqualTo(Duration.ofMillis(362).plusNanos(500_000));
    assertThat(estimator.samples()).isEqualTo(2);
  }

  @Test
  void steadySamplesConvergeOnTheRoundTrip() {
    for (int i = 0; i < 200; i++) {
      estimator.sample(Duration.ofMillis(40));
    }

    assertThat(estimator.srtt()).contains(Duration.ofMillis(40));
    // RTTVAR decays to 0, so the clock granularity G = 1 ms is what is added.
    assertThat(estimator.rto()).isEqualTo(Duration.ofMillis(41));
  }

  @Test
  void rtoIsClampedToTheMinimum() {
    for (int i = 0; i < 100; i++) {
      estimator.sample(Duration.ofNanos(50_000));
    }

    assertThat(estimator.rto()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void rtoIsClampedToTheMaximum() {
    estimator.sample(Duration.ofSeconds(5));

    assertThat(estimator.rto()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void backsOffExponentiallyPerRetransmissionUpToTheMaximum() {
    estimator.sample(Duration.ofMillis(100));

    assertThat(estimator.retransmissionTimeout(0)).isEqualTo(Duration.ofMillis(300));
    assertThat(estimator.retransmissionTimeout(1)).isEqualTo(Duration.ofMillis(600));
    assertThat(estimator.retransmissionTimeout(2)).isEqualTo(Duration.ofMillis(1200));
    assertThat(estimator.retransmissionTimeout(4)).isEqualTo(Duration.ofMillis(4800));
    assertThat(estimator.retransmissionTimeout(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(estimator.retransmissionTimeout(1_000)).isEqualTo(Duration.ofSeconds(8));
    assertThat(estimator.rto()).as("backoff is per request").isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aSampleAfterASlowPeriodBringsTheRtoDown() {
    estimator.sample(Duration.ofSeconds(2));
    Duration slow = estimator.rto();
    for (int i = 0; i < 50; i++) {
      estimator.sample(Duration.ofMillis(20));
    }

    assertThat(estimator.rto()).isLessThan(slow).isLessThan(Duration.ofMillis(100));
  }

  @Test
  void rejectsNegativeInput() {
    assertThatThrownBy(() -> estimator.sampleNanos(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rtt : -1 ns (expected: >= 0)");
    assertThatThrownBy(() -> estimator.retransmissionTimeout(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retransmissions : -1 (expected: >= 0)");
  }

  @Test
  void theConfigKeepsTheInitialRtoBetweenMinAndMax() {
    assertThatThrownBy(() -> RtoConfig.builder().initial(Duration.ofMillis(5))
        .min(Duration.ofMillis(10)).max(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initial : PT0.005S (expected: PT0.01S-PT1S)");
    assertThatThrownBy(() -> RtoConfig.builder().initial(Duration.ZERO).min(Duration.ZERO)
        .max(Duration.ofSeconds(1)).build())
        .hasMessage("min : PT0S (expected: > 0)");
  }

  @Test
  void unsetBoundsFollowTheOnesThatAreSet() {
    RtoConfig fast = RtoConfig.builder().initial(Duration.ofMillis(50)).build();
    assertThat(fast.min()).isEqualTo(Duration.ofMillis(50));
    assertThat(fast.max()).isEqualTo(RtoConfig.DEFAULT_MAX);
    assertThat(RtoConfig.builder().min(Duration.ofSeconds(3)).build().initial())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(RtoConfig.builder().max(Duration.ofSeconds(1)).build().initial())
        .isEqualTo(Duration.ofSeconds(1));
    RtoConfig defaults = RtoConfig.defaults();
    assertThat(List.of(defaults.initial(), defaults.min(), defaults.max())).containsExactly(
        Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(60));
    RtoConfig copy = fast.toBuilder().build();
    assertThat(List.of(copy.initial(), copy.min(), copy.max()))
        .containsExactly(fast.initial(), fast.min(), fast.max());
  }
}
