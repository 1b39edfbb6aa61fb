package dev.netkit.cli.urgent;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 250ms}, {@code 1s}, {@code 2m} (or ISO-8601 such as {@code PT1S}). */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m)");

  @Override
  public Duration convert(String value) {
    Matcher simple = SIMPLE.matcher(value);
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      switch (simple.group(2)) {
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        default:
          return Duration.ofMinutes(amount);
      }
    }
    try {
      return Duration.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a duration (e.g. 1s, 250ms)");
    }
  }
}
