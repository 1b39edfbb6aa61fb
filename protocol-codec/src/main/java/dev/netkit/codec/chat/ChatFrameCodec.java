package dev.netkit.codec.chat;

import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.HexPreview;
import dev.netkit.codec.MalformedFrameException;
import dev.netkit.codec.TooLongFrameException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;

/**
 * Turns chat datagrams into {@link ChatFrame}s and back, enforcing a maximum datagram size.
 *
 * <pre>
 *   datagram: 00 5a 68 65 6c 6c 6f  →  ChatFrame[SEND_PUBLIC(90), payload "hello"]
 *   datagram: 00                    →  MalformedFrameException (shorter than the 2-byte code)
 *   datagram: 1025 bytes            →  TooLongFrameException (default limit 1024)
 * </pre>
 *
 * <p>The book's server reads at most 1024 bytes and silently truncates longer datagrams; netkit
 * rejects them instead. To notice an over-long datagram at all, receive into a buffer of
 * {@link #maxDatagramSize()} {@code + 1} bytes (a {@code DatagramChannel} drops what does not
 * fit). Decoding either consumes the whole datagram or, on failure, nothing. Instances are
 * immutable and thread-safe.
 */
public final class ChatFrameCodec {

  /** The default maximum datagram size: what the book's server reads. */
  public static final int DEFAULT_MAX_DATAGRAM_SIZE = 1024;

  private final int maxDatagramSize;

  /** Creates a codec with the {@link #DEFAULT_MAX_DATAGRAM_SIZE}. */
  public ChatFrameCodec() {
    this(DEFAULT_MAX_DATAGRAM_SIZE);
  }

  /**
   * Creates a codec with another maximum datagram size.
   *
   * @param maxDatagramSize the largest datagram to accept or produce, in bytes
   * @throws IllegalArgumentException unless {@link ChatFrame#HEADER_LENGTH} &lt;=
   *     {@code maxDatagramSize} &lt;= {@link DatagramSize#MAX_UDP_PAYLOAD}
   */
  public ChatFrameCodec(int maxDatagramSize) {
    this.maxDatagramSize = DatagramSize.checkMaxDatagram(maxDatagramSize, ChatFrame.HEADER_LENGTH,
        "maxDatagramSize");
  }

  /**
   * Returns the limit.
   *
   * @return the largest datagram accepted or produced, in bytes
   */
  public int maxDatagramSize() {
    return maxDatagramSize;
  }

  /**
   * Decodes one datagram: all remaining bytes of {@code datagram}.
   *
   * @param datagram the received datagram; on success its position moves to its limit, on
   *     failure it does not move
   * @return the frame (the payload is copied, so the buffer can be reused)
   * @throws MalformedFrameException if the datagram is shorter than the 2-byte code
   * @throws TooLongFrameException if the datagram is longer than {@link #maxDatagramSize()}
   */
  public ChatFrame decode(ByteBuffer datagram) {
    checkLength(datagram);
    int code = Short.toUnsignedInt(datagram.getShort(datagram.position()));
    byte[] payload = new byte[datagram.remaining() - ChatFrame.HEADER_LENGTH];
    datagram.get(datagram.position() + ChatFrame.HEADER_LENGTH, payload);
    datagram.position(datagram.limit());
    return ChatFrame.wrap(code, payload);
  }

  /**
   * Decodes one datagram held in {@code bytes[offset, offset + length)}.
   *
   * @param bytes the received bytes
   * @param offset where the datagram starts
   * @param length the datagram's size
   * @return the frame (the payload is copied)
   * @throws MalformedFrameException if the datagram is shorter than the 2-byte code
   * @throws TooLongFrameException if the datagram is longer than {@link #maxDatagramSize()}
   * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
   */
  public ChatFrame decode(byte[] bytes, int offset, int length) {
    return decode(ByteBuffer.wrap(bytes, offset, length));
  }

  /**
   * Decodes one datagram held in all of {@code bytes}.
   *
   * @param bytes the received datagram
   * @return the frame (the payload is copied)
   * @throws MalformedFrameException if the datagram is shorter than the 2-byte code
   * @throws TooLongFrameException if the datagram is longer than {@link #maxDatagramSize()}
   */
  public ChatFrame decode(byte[] bytes) {
    return decode(ByteBuffer.wrap(bytes));
  }

  /**
   * Encodes a frame into a new array.
   *
   * @param frame the frame
   * @return the datagram bytes
   * @throws TooLongFrameException if the frame is longer than {@link #maxDatagramSize()}
   */
  public byte[] encode(ChatFrame frame) {
    checkLength(frame);
    return frame.toBytes();
  }

  /**
   * Encodes a typed payload into a new array.
   *
   * @param payload the payload
   * @return the datagram bytes
   * @throws TooLongFrameException if the frame is longer than {@link #maxDatagramSize()}
   */
  public byte[] encode(ChatPayload payload) {
    return encode(payload.toFrame());
  }

  /**
   * Encodes a frame into {@code out} at its position, which moves past the frame.
   *
   * @param frame the frame
   * @param out where to write; needs {@link ChatFrame#length()} bytes remaining
   * @throws TooLongFrameException if the frame is longer than {@link #maxDatagramSize()}
   * @throws BufferOverflowException if {@code out} has too little room (nothing is written then)
   * @throws ReadOnlyBufferException if {@code out} is read-only
   */
  public void encode(ChatFrame frame, ByteBuffer out) {
    checkLength(frame);
    if (out.isReadOnly()) {
      throw new ReadOnlyBufferException();
    }
    if (out.remaining() < frame.length()) {
      throw new BufferOverflowException();
    }
    frame.writeTo(out);
  }

  /**
   * Encodes a typed payload into {@code out} at its position, which moves past the frame.
   *
   * @param payload the payload
   * @param out where to write
   * @throws TooLongFrameException if the frame is longer than {@link #maxDatagramSize()}
   * @throws BufferOverflowException if {@code out} has too little room (nothing is written then)
   * @throws ReadOnlyBufferException if {@code out} is read-only
   */
  public void encode(ChatPayload payload, ByteBuffer out) {
    encode(payload.toFrame(), out);
  }

  private void checkLength(ByteBuffer datagram) {
    int length = datagram.remaining();
    if (length < ChatFrame.HEADER_LENGTH) {
      throw new MalformedFrameException("chat datagram length", Integer.toString(length),
          "at least " + ChatFrame.HEADER_LENGTH, HexPreview.of(datagram));
    }
    if (length > maxDatagramSize) {
      throw new TooLongFrameException("chat datagram length", length, maxDatagramSize,
          HexPreview.of(datagram));
    }
  }

  private void checkLength(ChatFrame frame) {
    if (frame.length() > maxDatagramSize) {
      throw new TooLongFrameException("chat frame length", frame.length(), maxDatagramSize,
          HexPreview.of(frame.toBytes()));
    }
  }
}
