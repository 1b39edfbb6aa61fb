package dev.netkit.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * How netkit's datagram programs (UDP echo, daytime, sequenced client) map datagram bytes to text
 * and back; the one home of that policy.
 *
 * <ul>
 *   <li>Text goes out as UTF-8.
 *   <li>Bytes that are valid UTF-8 come in as UTF-8; anything else comes in as ISO-8859-1, one
 *       char per byte, so no byte is lost or replaced.
 * </ul>
 *
 * <p>For ASCII, both are the identity, which keeps netkit byte-for-byte compatible with the book's
 * Perl programs (Perl strings read from sockets are bytes).
 */
public final class DatagramText {

  private DatagramText() {
  }

  /**
   * Encodes text for the wire.
   *
   * @param text the text
   * @return its UTF-8 bytes
   */
  public static byte[] encode(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes the remaining bytes of a buffer without moving its position: as UTF-8 when they are
   * valid UTF-8, as ISO-8859-1 otherwise.
   *
   * @param bytes the datagram
   * @return its text
   * @throws NullPointerException if {@code bytes} is null
   */
  public static String decode(ByteBuffer bytes) {
    CharsetDecoder utf8 = Utf8.strictDecoder();
    try {
      return utf8.decode(bytes.duplicate()).toString();
    } catch (CharacterCodingException e) {
      return StandardCharsets.ISO_8859_1.decode(bytes.duplicate()).toString();
    }
  }

  /**
   * Decodes a byte array like {@link #decode(ByteBuffer)}.
   *
   * @param bytes the array
   * @param offset where the datagram starts
   * @param length its length
   * @return its text
   * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
   */
  public static String decode(byte[] bytes, int offset, int length) {
    return decode(ByteBuffer.wrap(bytes, offset, length));
  }

  /**
   * Tells whether {@code bytes[from, to)} are all ASCII.
   *
   * @param bytes the buffer (absolute indexes)
   * @param from first index
   * @param to index after the last
   * @return true if every byte is below 0x80
   */
  public static boolean isAscii(ByteBuffer bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes.get(i) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes {@code bytes[from, to)} strictly as UTF-8 into {@code into}.
   *
   * @param decoder a strict UTF-8 decoder from {@link Utf8#strictDecoder()} (reset here)
   * @param bytes the buffer (absolute indexes; its position is not moved)
   * @param from first index
   * @param to index after the last
   * @param into cleared, filled and flipped; must hold {@code to - from} chars
   * @return true if the bytes were valid UTF-8
   */
  public static boolean decodeUtf8(CharsetDecoder decoder, ByteBuffer bytes, int from, int to,
      CharBuffer into) {
    ByteBuffer input = bytes.duplicate().limit(to).position(from);
    into.clear();
    decoder.reset();
    boolean valid = !decoder.decode(input, into, true).isError()
        && !decoder.flush(into).isError();
    into.flip();
    return valid;
  }
}
