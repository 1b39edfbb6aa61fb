package dev.netkit.codec;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks shared by netkit's configurations and constructors, failing with the Netty
 * style message that names the argument, its value and what was expected:
 *
 * <pre>
 *   maxUsers : 0 (expected: &gt; 0)
 *   timeout : PT0S (expected: &gt; 0)
 *   port : 70000 (expected: 1-65535)
 *   loss : 1.5 (expected: 0-1)
 * </pre>
 *
 * <p>Every method returns its argument, so that a check fits in an assignment. Netty's
 * {@code io.netty.util.internal.ObjectUtil} is the model.
 */
public final class Arguments {

  /** The largest port number. */
  public static final int MAX_PORT = 65_535;

  private Arguments() {
  }

  /**
   * Checks that a count or size is positive.
   *
   * @param value the argument
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public static int checkPositive(int value, String name) {
    return (int) checkPositive((long) value, name);
  }

  /**
   * Checks that a count or size is positive.
   *
   * @param value the argument
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public static long checkPositive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
    }
    return value;
  }

  /**
   * Checks that a size is not negative.
   *
   * @param value the argument
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public static int checkPositiveOrZero(int value, String name) {
    return (int) checkPositiveOrZero((long) value, name);
  }

  /**
   * Checks that a count or size is not negative.
   *
   * @param value the argument
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public static long checkPositiveOrZero(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: >= 0)");
    }
    return value;
  }

  /**
   * Checks that a number lies in a closed range.
   *
   * @param value the argument
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is outside {@code min..max}
   */
  public static long checkInRange(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " : " + value + " (expected: " + min + "-" + max + ")");
    }
    return value;
  }

  /**
   * Checks that a number lies in a closed range.
   *
   * @param value the argument
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is outside {@code min..max}
   */
  public static int checkInRange(int value, int min, int max, String name) {
    return (int) checkInRange((long) value, min, max, name);
  }

  /**
   * Checks a port number to bind or send to (not 0).
   *
   * @param port the argument
   * @param name its name in the message
   * @return {@code port}
   * @throws IllegalArgumentException if {@code port} is outside 1-65535
   */
  public static int checkPort(int port, String name) {
    return checkInRange(port, 1, MAX_PORT, name);
  }

  /**
   * Checks a probability.
   *
   * @param value the argument
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is NaN or outside 0-1
   */
  public static double checkProbability(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: 0-1)");
    }
    return value;
  }

  /**
   * Checks that a rate is positive and finite.
   *
   * @param value the argument
   * @param name its name in the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is NaN, not positive or infinite
   */
  public static double checkPositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
    }
    return value;
  }

  /**
   * Checks that a duration is positive.
   *
   * @param value the argument
   * @param name its name in the messages
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is zero or negative
   */
  public static Duration checkPositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
    }
    return value;
  }

  /**
   * Checks that a duration is present and lies in a closed range.
   *
   * @param value the argument
   * @param min the shortest allowed
   * @param max the longest allowed
   * @param name its name in the messages
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is outside {@code min..max}, e.g.
   *     {@code idleTimeout : PT0.001S (expected: 10 ms to 1 day)}
   */
  public static Duration checkInRange(Duration value, Duration min, Duration max, String name) {
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

  /**
   * Checks that a duration is not negative.
   *
   * @param value the argument
   * @param name its name in the messages
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public static Duration checkPositiveOrZero(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: >= 0)");
    }
    return value;
  }
}
