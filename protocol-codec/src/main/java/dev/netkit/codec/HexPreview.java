package dev.netkit.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Renders the start of some input as hex for error messages: at most {@link #MAX_BYTES} bytes,
 * then how many more there were, e.g. {@code 00 5a 68 69 …(+990 bytes)}.
 */
public final class HexPreview {

  /** The most bytes an error message shows. */
  public static final int MAX_BYTES = 32;

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private HexPreview() {
  }

  /**
   * Renders {@code bytes[offset, offset + length)}.
   *
   * @param bytes the input
   * @param offset where the input starts
   * @param length how many bytes it has
   * @return space-separated hex of at most {@link #MAX_BYTES} bytes, {@code (empty)} for none
   * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
   */
  public static String of(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    return render(ByteBuffer.wrap(bytes, offset, length));
  }

  /**
   * Renders all of {@code bytes}.
   *
   * @param bytes the input
   * @return space-separated hex of at most {@link #MAX_BYTES} bytes, {@code (empty)} for none
   */
  public static String of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /**
   * Renders the remaining bytes of {@code buffer} without moving its position.
   *
   * @param buffer the input
   * @return space-separated hex of at most {@link #MAX_BYTES} bytes, {@code (empty)} for none
   */
  public static String of(ByteBuffer buffer) {
    return render(buffer.duplicate());
  }

  /**
   * Renders the UTF-8 bytes of some text (an unpaired surrogate shows as {@code 3f}).
   *
   * @param text the input as text
   * @return space-separated hex of at most {@link #MAX_BYTES} bytes, {@code (empty)} for none
   */
  public static String ofUtf8(CharSequence text) {
    return of(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String render(ByteBuffer input) {
    int total = input.remaining();
    if (total == 0) {
      return "(empty)";
    }
    int shown = Math.min(total, MAX_BYTES);
    StringBuilder out = new StringBuilder(shown * 3 + 16);
    for (int i = 0; i < shown; i++) {
      int b = input.get() & 0xff;
      if (i > 0) {
        out.append(' ');
      }
      out.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xf]);
    }
    if (total > shown) {
      out.append(" …(+").append(total - shown).append(" bytes)");
    }
    return out.toString();
  }
}
