package dev.netkit.codec.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({
      "250ms, PT0.25S",
      "1s, PT1S",
      "1.5s, PT1.5S",
      "0.25ms, PT0.00025S",
      "2m, PT2M",
      "1.5m, PT1M30S",
      "1h, PT1H",
      "0, PT0S",
      "0ms, PT0S",
      "PT2S, PT2S",
      "pt0.5s, PT0.5S",
      "PT1M30S, PT1M30S",
      "' 3s ', PT3S"})
  void readsNumbersWithUnitsAndIso(String text, String expected) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "1.5", "250"})
  void refusesANumberWithoutUnit(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' has no unit (expected e.g. 250ms, 1.5s, 2m, 1h or PT2S)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "", "1 s", "1sec", "-1s", "1.s", ".5s", "1d", "2S"})
  void refusesWhatIsNotADuration(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not a duration (expected e.g. 250ms, 1.5s, 2m, 1h or PT2S)");
  }

  @Test
  void refusesNegativeIsoFinerThanNanosAndTooLong() {
    assertThatThrownBy(() -> DurationText.parse("PT-1S"))
        .hasMessage("'PT-1S' is negative (expected e.g. 250ms, 1.5s, 2m, 1h or PT2S)");
    assertThatThrownBy(() -> DurationText.parse("1.0000000001s"))
        .hasMessage("'1.0000000001s' is finer than a nanosecond "
            + "(expected e.g. 250ms, 1.5s, 2m, 1h or PT2S)");
    assertThatThrownBy(() -> DurationText.parse("99999999999h"))
        .hasMessage("'99999999999h' is too long (expected e.g. 250ms, 1.5s, 2m, 1h or PT2S)");
  }

  @ParameterizedTest
  @CsvSource({"PT0S, 0s", "PT0.25S, 250ms", "PT1.5S, 1.5s", "PT30S, 30s", "PT90S, 90s",
      "PT2M, 2m", "PT1H, 1h", "PT25H, 25h", "PT10M0.001S, 600.001s", "PT0.0000001S, PT0.0000001S"})
  void formatsInTheLargestExactUnitAndReadsBack(String iso, String expected) {
    Duration duration = Duration.parse(iso);
    assertThat(DurationText.format(duration)).isEqualTo(expected);
    assertThat(DurationText.parse(DurationText.format(duration))).isEqualTo(duration);
  }
}
