package dev.netkit.codec.chat;

import dev.netkit.codec.ProtocolException;
import java.util.Objects;

/** Argument checks for payload records, so that every record formats to a parseable payload. */
final class Fields {

  private Fields() {
  }

  /** A word field: non-empty, no space. */
  static String word(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty() || value.indexOf(' ') >= 0) {
      throw new IllegalArgumentException(name + " : " + ProtocolException.quote(value)
          + " (expected: a non-empty word without spaces)");
    }
    return value;
  }

  /** A number field from 0 to {@code max}. */
  static long number(long value, long max, String name) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " : " + value + " (expected: 0-" + max + ")");
    }
    return value;
  }
}
