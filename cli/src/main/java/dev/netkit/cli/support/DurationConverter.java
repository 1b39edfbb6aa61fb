package dev.netkit.cli.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations such as {@code 2s}, {@code 500ms}, {@code 1.5s} or {@code 1m}; a bare number
 * means seconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

  @Override
  public Duration convert(String value) {
    Matcher matcher = FORM.matcher(value.strip());
    if (!matcher.matches()) {
      throw new TypeConversionException("'" + value
          + "' is not a duration (expected e.g. 2s, 500ms, 1.5s, 1m)");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "m" -> amount * 60_000;
      default -> amount * 1_000;
    };
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }
}
