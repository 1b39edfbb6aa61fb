package dev.netkit.codec;

import java.nio.ByteBuffer;

/**
 * A reusable, copy-free {@link CharSequence} view of a byte range, one char per byte
 * (ISO-8859-1), so the text codecs can look at a datagram without decoding it first. The prefix of
 * a sequence frame ({@code digits ": "}) is ASCII, so its length in this view is its length in
 * bytes whatever the payload's encoding. The view reads the buffer live: it is valid until the
 * buffer's bytes change or the view is wrapped again. Not thread-safe.
 */
public final class Latin1View implements CharSequence {

  private ByteBuffer bytes;
  private int from;
  private int length;

  /**
   * Points the view at the remaining bytes of a buffer.
   *
   * @param buffer the bytes (absolute indexes from its position to its limit)
   * @return this view
   */
  public Latin1View wrap(ByteBuffer buffer) {
    this.bytes = buffer;
    this.from = buffer.position();
    this.length = buffer.remaining();
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index : " + index + " (length: " + length + ")");
    }
    return (char) (bytes.get(from + index) & 0xff);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    java.util.Objects.checkFromToIndex(start, end, length);
    char[] chars = new char[end - start];
    for (int i = start; i < end; i++) {
      chars[i - start] = charAt(i);
    }
    return new String(chars);
  }

  @Override
  public String toString() {
    return subSequence(0, length).toString();
  }
}
