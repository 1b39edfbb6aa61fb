package dev.netkit.codec;

import java.util.Objects;

/**
 * A status reply line of a line protocol (the travesty server, like SMTP and FTP): a three-digit
 * code from 100 to 599, a space and a text.
 *
 * <pre>
 *   "100 Travesty server version 1.0"   code 100, text "Travesty server version 1.0"
 *   "204 goodbye"                       code 204, text "goodbye"
 *   "205"                               code 205, empty text (formats back as "205")
 *   "99 x", "600 x", "2O2 x", "202-x"   MalformedFrameException
 * </pre>
 *
 * <p>Only ASCII digits count, and multi-line ({@code NNN-text}) replies are not part of these
 * protocols. The text is everything after the first space, kept as sent.
 *
 * @param code the status code, 100-599
 * @param text the human-readable text, without CR or LF (may be empty)
 */
public record StatusReply(int code, String text) {

  /** The smallest status code. */
  public static final int MIN_CODE = 100;

  /** The largest status code. */
  public static final int MAX_CODE = 599;

  private static final int DIGITS = 3;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code code} is not 100-599 or {@code text} has CR or LF
   * @throws NullPointerException if {@code text} is null
   */
  public StatusReply {
    Arguments.checkInRange(code, MIN_CODE, MAX_CODE, "code");
    LineEncoder.checkNoLineBreak(Objects.requireNonNull(text, "text"));
  }

  /**
   * Parses a reply line.
   *
   * @param line the line without its terminator
   * @return the reply
   * @throws MalformedFrameException if the line does not start with a code 100-599 followed by a
   *     space or the end of the line, or has CR or LF in its text
   */
  public static StatusReply parse(String line) {
    int code = parseCode(line);
    if (line.length() > DIGITS && line.charAt(DIGITS) != ' ') {
      throw malformed("status separator", ProtocolException.quote(line.substring(DIGITS, 4)),
          "a space after the code", line);
    }
    String text = line.length() > DIGITS ? line.substring(DIGITS + 1) : "";
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw malformed("status text", ProtocolException.quote(text), "no CR or LF", line);
    }
    return new StatusReply(code, text);
  }

  private static int parseCode(String line) {
    String expected = DIGITS + " digits " + MIN_CODE + "-" + MAX_CODE;
    int code = 0;
    for (int i = 0; i < DIGITS; i++) {
      char c = i < line.length() ? line.charAt(i) : ' ';
      if (c < '0' || c > '9') {
        throw malformed("status code", ProtocolException.quote(line.substring(0,
            Math.min(DIGITS, line.length()))), expected, line);
      }
      code = code * 10 + (c - '0');
    }
    if (code < MIN_CODE || code > MAX_CODE) {
      throw malformed("status code", Integer.toString(code), expected, line);
    }
    return code;
  }

  private static MalformedFrameException malformed(String field, String value, String expected,
      String line) {
    return new MalformedFrameException(field, value, expected,
        HexPreview.ofUtf8(line));
  }

  /**
   * Formats the reply line (without terminator; see {@link LineEncoder}).
   *
   * @return {@code "NNN text"}, or {@code "NNN"} when the text is empty
   */
  public String format() {
    return text.isEmpty() ? Integer.toString(code) : code + " " + text;
  }

  /**
   * Tells whether the code is an error (4xx or 5xx).
   *
   * @return true for codes 400-599
   */
  public boolean isError() {
    return code >= 400;
  }
}
