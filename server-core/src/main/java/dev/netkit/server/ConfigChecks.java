package dev.netkit.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The argument checks of netkit's server configurations, with one message style (Netty's
 * {@code ObjectUtil}): {@code maxConnections : 0 (expected: > 0)}.
 */
public final class ConfigChecks {

  private ConfigChecks() {
  }

  /**
   * Checks that a count is positive.
   *
   * @param value the value
   * @param name its name in the message
   * @return the value
   * @throws IllegalArgumentException {@code name : value (expected: > 0)}
   */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
    }
    return value;
  }

  /**
   * Checks that a number is positive (and not NaN).
   *
   * @param value the value
   * @param name its name in the message
   * @return the value
   * @throws IllegalArgumentException {@code name : value (expected: > 0)}
   */
  public static double positive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
    }
    return value;
  }

  /**
   * Checks that a duration is present and positive.
   *
   * @param value the value
   * @param name its name in the messages
   * @return the value
   * @throws NullPointerException naming it when null
   * @throws IllegalArgumentException {@code name : value (expected: > 0)}
   */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
    }
    return value;
  }

  /**
   * Checks that a number lies in a range.
   *
   * @param value the value
   * @param min the least allowed
   * @param max the most allowed
   * @param name its name in the message
   * @return the value
   * @throws IllegalArgumentException {@code name : value (expected: min-max)}
   */
  public static long inRange(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: " + min + "-" + max
          + ")");
    }
    return value;
  }

  /**
   * Checks that a duration is present and lies in a range.
   *
   * @param value the value
   * @param min the least allowed
   * @param max the most allowed
   * @param name its name in the messages
   * @return the value
   * @throws NullPointerException naming it when null
   * @throws IllegalArgumentException e.g. {@code idleTimeout : PT0.001S (expected: 10 ms to 1
   *     day)}
   */
  public static Duration inRange(Duration value, Duration min, Duration max, String name) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: " + describe(min)
          + " to " + describe(max) + ")");
    }
    return value;
  }

  /** A round duration in words ({@code 10 ms}, {@code 30 s}, {@code 1 day}), else ISO-8601. */
  static String describe(Duration duration) {
    if (duration.equals(Duration.ofDays(1))) {
      return "1 day";
    }
    if (duration.toNanos() % 1_000_000_000L == 0 && duration.toSeconds() < 60) {
      return duration.toSeconds() + " s";
    }
    if (duration.toNanos() % 1_000_000L == 0 && duration.toMillis() < 1000) {
      return duration.toMillis() + " ms";
    }
    return duration.toString();
  }
}
