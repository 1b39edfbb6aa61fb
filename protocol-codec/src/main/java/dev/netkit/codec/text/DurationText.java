package dev.netkit.codec.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of every time given to a netkit program or benchmark ({@code --timeout},
 * {@code --interval}, {@code --duration}, …): a decimal number and a unit, {@code ms}, {@code s},
 * {@code m} or {@code h} ({@code 250ms}, {@code 1.5s}, {@code 2m}, {@code 1h}), or an ISO-8601
 * duration ({@code PT2S}, {@code PT1M30S}). A number without a unit is refused (was it seconds or
 * milliseconds?), except {@code 0}; so are negative durations. The finest step is a nanosecond:
 * {@code 1.0000000001s} is refused rather than rounded. {@link #format(Duration)} prints a
 * duration back in this grammar.
 */
public final class DurationText {

  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final String EXPECTED = "expected e.g. 250ms, 1.5s, 2m, 1h or PT2S";

  private DurationText() {
  }

  /**
   * Reads a duration in this grammar; surrounding white space is ignored.
   *
   * @param value the text, e.g. {@code 1.5s}
   * @return the duration, never negative
   * @throws IllegalArgumentException if {@code value} is not in the grammar, has no unit, is
   *     negative, finer than a nanosecond or too long for a {@link Duration}; the message quotes
   *     the value and gives examples
   */
  public static Duration parse(String value) {
    String text = value.strip();
    Matcher matcher = SHORT.matcher(text);
    if (matcher.matches()) {
      return ofUnits(value, new BigDecimal(matcher.group(1)), matcher.group(2));
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    if (BARE_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + value + "' has no unit (" + EXPECTED + ")");
    }
    Duration iso;
    try {
      iso = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value + "' is not a duration (" + EXPECTED + ")");
    }
    if (iso.isNegative()) {
      throw new IllegalArgumentException("'" + value + "' is negative (" + EXPECTED + ")");
    }
    return iso;
  }

  private static Duration ofUnits(String value, BigDecimal amount, String unit) {
    long nanosPerUnit = switch (unit) {
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
    BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
    try {
      return Duration.ofNanos(nanos.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + value + "' is "
          + (nanos.stripTrailingZeros().scale() > 0 ? "finer than a nanosecond" : "too long")
          + " (" + EXPECTED + ")");
    }
  }

  /**
   * Prints a duration in this grammar, in the largest unit that shows it exactly:
   * {@code 2m}, {@code 90s}, {@code 1.5s}, {@code 250ms}, {@code 0s}.
   *
   * @param duration a duration, not negative
   * @return its short form; {@link Duration#toString()} for durations below a millisecond's
   *     precision or negative ones
   */
  public static String format(Duration duration) {
    if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    if (millis < 1_000) {
      return millis + "ms";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
