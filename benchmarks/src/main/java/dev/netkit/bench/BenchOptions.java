package dev.netkit.bench;

import dev.netkit.codec.text.DurationText;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the benchmarks' {@code main} programs: {@code --name value} pairs and
 * {@code --no-name} switches. Times take the programs' one duration grammar
 * ({@link DurationText}: {@code 5s}, {@code 500ms}, {@code PT2S}); a bare number is refused.
 */
public final class BenchOptions {

  private final Map<String, String> values;

  private BenchOptions(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads {@code --name value} pairs and {@code --no-name} switches.
   *
   * @param args the program's arguments
   * @param known the names the program takes, without {@code --}
   * @return the options
   * @throws IllegalArgumentException on a word that is not an option, an option the program does
   *     not take (such as the old {@code --seconds}), or an option without value
   */
  public static BenchOptions parse(String[] args, String... known) {
    Set<String> names = Set.of(known);
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got: " + args[i]);
      }
      String name = args[i].substring(2);
      if (!names.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " (known: --"
            + String.join(", --", known) + ")");
      }
      if (name.startsWith("no-")) {
        values.put(name, "true");
      } else if (i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
    return new BenchOptions(values);
  }

  /**
   * A duration option.
   *
   * @param name the option without {@code --}
   * @param fallback the value when the option is absent
   * @return the duration
   * @throws IllegalArgumentException if the value is not a duration (naming the option)
   */
  public Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return DurationText.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * A whole-number option.
   *
   * @param name the option without {@code --}
   * @param fallback the value when the option is absent
   * @return the number
   * @throws NumberFormatException if the value is not a whole number
   */
  public int integer(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  /**
   * A comma-separated list of whole numbers, e.g. {@code 50,200}.
   *
   * @param name the option without {@code --}
   * @param fallback the value when the option is absent
   * @return the numbers
   * @throws NumberFormatException if an item is not a whole number
   */
  public int[] integers(String name, int... fallback) {
    String value = values.get(name);
    return value == null ? fallback.clone()
        : Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * A text option.
   *
   * @param name the option without {@code --}
   * @return the value, or null when absent
   */
  public String text(String name) {
    return values.get(name);
  }

  /**
   * Whether an option or switch was given.
   *
   * @param name the option without {@code --}, e.g. {@code no-perl}
   * @return true if present
   */
  public boolean has(String name) {
    return values.containsKey(name);
  }
}
