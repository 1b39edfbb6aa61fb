package dev.netkit.cli.support;

import dev.netkit.codec.text.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli's adapter to {@link DurationText}, the one grammar of every time option of the
 * launcher's programs ({@code --timeout}, {@code --interval}, {@code --idle-timeout}, …):
 * {@code 250ms}, {@code 1.5s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT2S}; a bare number
 * other than {@code 0} and negative durations are refused.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  /** The label of every duration option's parameter in {@code --help}. */
  public static final String LABEL = "DURATION";

  /** Creates the converter (picocli does, from {@code converter = DurationConverter.class}). */
  public DurationConverter() {
  }

  /**
   * Reads {@code value} with {@link DurationText#parse(String)}.
   *
   * @throws TypeConversionException with {@link DurationText}'s message if it is not a duration
   */
  @Override
  public Duration convert(String value) {
    try {
      return DurationText.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /**
   * Prints a duration for {@code --help}, as {@link DurationText#format(Duration)} does.
   *
   * @param duration a duration, not negative
   * @return its short form
   */
  public static String format(Duration duration) {
    return DurationText.format(duration);
  }
}
