package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  private static final Duration MIN = Duration.ofMillis(10);
  private static final Duration MAX = Duration.ofDays(1);

  @Test
  void aDurationInRangeIsReturnedAndOneOutsideIsNamedWithTheRangeInWords() {
    assertThat(Arguments.checkInRange(MIN, MIN, MAX, "idleTimeout")).isEqualTo(MIN);
    assertThat(Arguments.checkInRange(MAX, MIN, MAX, "idleTimeout")).isEqualTo(MAX);
    assertThatThrownBy(() -> Arguments.checkInRange(Duration.ofMillis(1), MIN, MAX, "idleTimeout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idleTimeout : PT0.001S (expected: 10 ms to 1 day)");
    assertThatThrownBy(() -> Arguments.checkInRange(Duration.ofMinutes(1), Duration.ofSeconds(1),
        Duration.ofSeconds(30), "burst"))
        .hasMessage("burst : PT1M (expected: 1 s to 30 s)");
    assertThatThrownBy(() -> Arguments.checkInRange(null, MIN, MAX, "idleTimeout"))
        .isInstanceOf(NullPointerException.class).hasMessage("idleTimeout");
  }

  @Test
  void countsAreCheckedWithOneMessageStyle() {
    assertThat(Arguments.checkPositiveOrZero(0L, "maxBytes")).isZero();
    assertThatThrownBy(() -> Arguments.checkPositiveOrZero(-1L, "maxBytes"))
        .hasMessage("maxBytes : -1 (expected: >= 0)");
    assertThatThrownBy(() -> Arguments.checkPositiveOrZero(-2, "count"))
        .hasMessage("count : -2 (expected: >= 0)");
    assertThatThrownBy(() -> Arguments.checkInRange(257, 1, 256, "slots"))
        .hasMessage("slots : 257 (expected: 1-256)");
    assertThatThrownBy(() -> Arguments.checkPositive(Double.POSITIVE_INFINITY, "rate"))
        .hasMessage("rate : Infinity (expected: > 0)");
  }
}
