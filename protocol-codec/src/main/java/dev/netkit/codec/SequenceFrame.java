package dev.netkit.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence frame of the book's sequenced UDP echo (figures 18.4 and 18.7): a decimal sequence
 * number, a colon, one space and the payload.
 *
 * <pre>
 *   "42: hello world"   sequence 42, payload "hello world"
 *   "0: "               sequence 0, empty payload
 *   "42:hello"          not sequenced (no space)
 *   "-1: x", " 1: x"    not sequenced (not a non-negative decimal at the start)
 *   "99999999999999999999: x"   not sequenced (does not fit a long)
 * </pre>
 *
 * <p>Like the book's server ({@code /^(\d+): (.*)/}), anything that does not match is "not
 * sequenced" rather than an error. Unlike the book's {@code (.*)}, which stops at the first
 * newline, the payload is everything after {@code ": "}, newlines included, so no data is lost.
 * Only ASCII digits count. Frames work on text: callers choose the charset (UTF-8, or ISO-8859-1
 * to keep arbitrary bytes).
 *
 * @param sequence the sequence number, at least 0
 * @param payload the payload text
 */
public record SequenceFrame(long sequence, String payload) {

  /** Decimal digits of {@link Long#MAX_VALUE}: longer numbers cannot fit a long. */
  public static final int MAX_DIGITS = 19;

  private static final String SEPARATOR = ": ";

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative
   * @throws NullPointerException if {@code payload} is null
   */
  public SequenceFrame {
    Arguments.checkPositiveOrZero(sequence, "sequence");
    Objects.requireNonNull(payload, "payload");
  }

  /**
   * Parses a frame.
   *
   * @param text a whole datagram's text
   * @return the frame, or empty when {@code text} is not sequenced
   */
  public static Optional<SequenceFrame> parse(CharSequence text) {
    int digits = countLeadingDigits(text);
    if (digits == 0 || digits > MAX_DIGITS || !hasSeparatorAt(text, digits)) {
      return Optional.empty();
    }
    long sequence = 0;
    for (int i = 0; i < digits; i++) {
      sequence = sequence * 10 + (text.charAt(i) - '0');
      if (sequence < 0) {
        return Optional.empty();
      }
    }
    String payload = text.subSequence(digits + SEPARATOR.length(), text.length()).toString();
    return Optional.of(new SequenceFrame(sequence, payload));
  }

  /**
   * Formats the frame for the wire.
   *
   * @return {@code sequence + ": " + payload}
   */
  public String format() {
    return sequence + SEPARATOR + payload;
  }

  /**
   * Returns a frame with the same sequence number and another payload (a reply to this frame).
   *
   * @param replyPayload the reply's payload
   * @return the reply frame
   */
  public SequenceFrame withPayload(String replyPayload) {
    return new SequenceFrame(sequence, replyPayload);
  }

  private static int countLeadingDigits(CharSequence text) {
    int i = 0;
    while (i < text.length() && i <= MAX_DIGITS && isAsciiDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean hasSeparatorAt(CharSequence text, int index) {
    return text.length() >= index + SEPARATOR.length()
        && text.charAt(index) == ':'
        && text.charAt(index + 1) == ' ';
  }
}
