package dev.netkit.cli.chat;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option: a number with a unit ({@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1h}), a plain number of seconds ({@code 120}), or ISO-8601 ({@code PT2M}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher matcher = WITH_UNIT.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? "s" : matcher.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
    try {
      return Duration.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value
          + "' is not a duration (expected e.g. 500ms, 30s, 2m, 1h or PT2M)");
    }
  }
}
