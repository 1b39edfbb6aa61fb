package dev.netkit.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for wire text: decoding rejects malformed input with a
 * {@link MalformedTextException} instead of inserting U+FFFD, and encoding rejects unpaired
 * surrogates instead of writing {@code ?}. Both keep the JDK's fast paths for valid text.
 */
public final class Utf8 {

  private static final char REPLACEMENT = '\uFFFD';

  private Utf8() {
  }

  /**
   * Decodes {@code bytes[offset, offset + length)}.
   *
   * @param bytes the input
   * @param offset where the text starts
   * @param length how many bytes it has
   * @param field names the text in an error message, e.g. {@code line}
   * @return the text
   * @throws MalformedTextException if the bytes are not valid UTF-8
   * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
   */
  public static String decode(byte[] bytes, int offset, int length, String field) {
    // The JDK decoder is intrinsic-fast but replaces bad input with U+FFFD; a U+FFFD in the result
    // is rare, so only then do we check strictly whether it was sent or substituted.
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT) >= 0) {
      checkStrictly(bytes, offset, length, field);
    }
    return text;
  }

  /**
   * Decodes all of {@code bytes}.
   *
   * @param bytes the input
   * @param field names the text in an error message
   * @return the text
   * @throws MalformedTextException if the bytes are not valid UTF-8
   */
  public static String decode(byte[] bytes, String field) {
    return decode(bytes, 0, bytes.length, field);
  }

  /**
   * Encodes text.
   *
   * @param text the text
   * @param field names the text in an error message, e.g. {@code line}
   * @return its UTF-8 bytes
   * @throws IllegalArgumentException if {@code text} has an unpaired surrogate (which UTF-8 cannot
   *     represent)
   */
  public static byte[] encode(CharSequence text, String field) {
    String string = text.toString();
    checkSurrogatesPaired(string, field);
    return string.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns a new UTF-8 decoder that reports malformed and unmappable input instead of replacing
   * it with U+FFFD: the one strict decoder netkit's codecs share. A decoder is not thread-safe;
   * keep one per thread or per codec.
   *
   * @return a new decoder
   */
  public static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static void checkStrictly(byte[] bytes, int offset, int length, String field) {
    CharsetDecoder decoder = strictDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new MalformedTextException(field, in.position() - offset,
          HexPreview.of(bytes, offset, length));
    }
  }

  private static void checkSurrogatesPaired(String text, String field) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else {
        throw new IllegalArgumentException(field + " : unpaired surrogate at index " + i
            + " (expected: valid UTF-16)");
      }
    }
  }
}
