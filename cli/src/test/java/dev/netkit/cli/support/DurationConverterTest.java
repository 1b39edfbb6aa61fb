package dev.netkit.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The picocli adapter; the grammar itself is tested in {@code DurationTextTest}. */
class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsTheSharedGrammar() {
    assertThat(converter.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationConverter.format(Duration.ofMillis(250))).isEqualTo("250ms");
  }

  @Test
  void refusalsArePicocliErrorsWithTheGrammarsMessage() {
    assertThatThrownBy(() -> converter.convert("5"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'5' has no unit (expected e.g. 250ms, 1.5s, 2m, 1h or PT2S)");
  }
}
