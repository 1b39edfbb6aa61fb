package dev.netkit.codec.chat;

import dev.netkit.codec.HexPreview;
import dev.netkit.codec.MalformedFrameException;
import dev.netkit.codec.ProtocolException;

/**
 * Reads the space-separated fields of one chat payload, left to right. Fields are separated by
 * exactly one space; a word field is non-empty and has no space; the last field of a message may
 * take the rest of the payload verbatim. Errors name the event and the field.
 */
final class PayloadReader {

  private final ChatEvent event;
  private final String payload;
  private int position;

  PayloadReader(ChatEvent event, String payload) {
    this.event = event;
    this.payload = payload;
  }

  boolean atEnd() {
    return position == payload.length();
  }

  /** Reads a word and the single space after it, if any. */
  String word(String field) {
    return word(field, "a word");
  }

  private String word(String field, String expected) {
    int end = payload.indexOf(' ', position);
    if (end < 0) {
      end = payload.length();
    }
    if (end == position) {
      throw malformed(field, atEnd() ? "(missing)" : "\"\"", expected);
    }
    String word = payload.substring(position, end);
    position = Math.min(end + 1, payload.length());
    return word;
  }

  /** Reads a word that must end the payload. */
  String lastWord(String field) {
    String rest = rest();
    if (rest.isEmpty() || rest.indexOf(' ') >= 0) {
      throw malformed(field, rest.isEmpty() ? "(missing)" : ProtocolException.quote(rest),
          "one word");
    }
    return rest;
  }

  /** Reads everything that is left, possibly nothing. */
  String rest() {
    String rest = payload.substring(position);
    position = payload.length();
    return rest;
  }

  /** Reads a word of ASCII digits with a value from 0 to {@code max}. */
  long number(String field, long max) {
    return toNumber(field, word(field, "decimal 0-" + max), max);
  }

  /** Reads a number that must end the payload. */
  long lastNumber(String field, long max) {
    return toNumber(field, lastWord(field), max);
  }

  private long toNumber(String field, String word, long max) {
    long value = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      int digit = c - '0';
      if (digit < 0 || digit > 9 || value > (max - digit) / 10) {
        throw malformed(field, ProtocolException.quote(word), "decimal 0-" + max);
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Reads a word that is an IPv4 dotted quad. */
  String ipv4(String field) {
    String expected = "an IPv4 dotted quad";
    String word = word(field, expected);
    if (!IpLiteral.isIpv4(word)) {
      throw malformed(field, ProtocolException.quote(word), expected);
    }
    return word;
  }

  MalformedFrameException malformed(String field, String value, String expected) {
    return new MalformedFrameException(event + " " + field, value, expected,
        HexPreview.ofUtf8(payload));
  }
}
