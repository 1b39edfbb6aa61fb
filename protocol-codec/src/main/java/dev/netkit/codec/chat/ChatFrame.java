package dev.netkit.codec.chat;

import dev.netkit.codec.HexPreview;
import dev.netkit.codec.MalformedTextException;
import dev.netkit.codec.Utf8;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * One chat datagram: a 2-byte unsigned big-endian event code and the payload (Perl
 * {@code pack "na*"}).
 *
 * <pre>
 *   0        1        2                                          length
 *   +--------+--------+------------------------------------------+
 *   |  code (uint16,  |  payload: 0 or more bytes, UTF-8 text     |
 *   |   big-endian)   |  (fields separated by single spaces)      |
 *   +--------+--------+------------------------------------------+
 *
 *   00 14 62 6f 62    LOGIN_REQ (20), payload "bob"
 *   00 c8             STILL_HERE (200), empty payload
 *   03 e7 78          unknown code 999, payload "x": still a frame
 * </pre>
 *
 * <p>Frames are immutable values; the code may be one that {@link ChatEvent} does not know. Turn
 * bytes into frames and back with a {@link ChatFrameCodec} (which enforces the datagram size
 * limit) and the payload into a typed record with {@link ChatPayload#parse(ChatFrame)}.
 */
public final class ChatFrame {

  /** Bytes of the event code in front of the payload. */
  public static final int HEADER_LENGTH = 2;

  /** The largest event code (16 bits unsigned). */
  public static final int MAX_CODE = 0xffff;

  private final int code;
  private final byte[] payload;

  private ChatFrame(int code, byte[] payload) {
    this.code = code;
    this.payload = payload;
  }

  /**
   * Creates a frame for a known event with a text payload.
   *
   * @param event the event
   * @param text the payload text, sent as UTF-8
   * @return the frame
   * @throws IllegalArgumentException if {@code text} has an unpaired surrogate
   */
  public static ChatFrame of(ChatEvent event, String text) {
    return new ChatFrame(event.code(), Utf8.encode(text, event + " payload"));
  }

  /**
   * Creates a frame from a raw code and payload bytes (copied).
   *
   * @param code the event code, 0 to {@link #MAX_CODE}, known or not
   * @param payload the payload bytes
   * @return the frame
   * @throws IllegalArgumentException if {@code code} does not fit 16 bits
   */
  public static ChatFrame of(int code, byte[] payload) {
    return wrap(checkCode(code), payload.clone());
  }

  /** Takes ownership of {@code payload}: for the codec, which has made a private copy. */
  static ChatFrame wrap(int code, byte[] payload) {
    return new ChatFrame(code, payload);
  }

  private static int checkCode(int code) {
    if (code < 0 || code > MAX_CODE) {
      throw new IllegalArgumentException("code : " + code + " (expected: 0-" + MAX_CODE + ")");
    }
    return code;
  }

  /**
   * Returns the event code as sent.
   *
   * @return 0 to {@link #MAX_CODE}
   */
  public int code() {
    return code;
  }

  /**
   * Returns the event, if the code is one of the book's.
   *
   * @return the event, or empty for an unknown code
   */
  public Optional<ChatEvent> event() {
    return ChatEvent.forCode(code);
  }

  /**
   * Tells whether this frame carries the given event.
   *
   * @param event an event
   * @return true if the code is {@code event}'s
   */
  public boolean is(ChatEvent event) {
    return code == event.code();
  }

  /**
   * Returns a copy of the payload bytes.
   *
   * @return the bytes after the code
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * Returns the payload without copying.
   *
   * @return a read-only buffer over the bytes after the code
   */
  public ByteBuffer payloadBuffer() {
    return ByteBuffer.wrap(payload).asReadOnlyBuffer();
  }

  /**
   * Returns the payload size.
   *
   * @return bytes after the code
   */
  public int payloadLength() {
    return payload.length;
  }

  /**
   * Returns the encoded size.
   *
   * @return {@link #HEADER_LENGTH} + payload bytes
   */
  public int length() {
    return HEADER_LENGTH + payload.length;
  }

  /**
   * Decodes the payload as UTF-8 text.
   *
   * @return the payload text
   * @throws MalformedTextException if the payload is not valid UTF-8
   */
  public String text() {
    return Utf8.decode(payload, eventName() + " payload");
  }

  /** Returns the encoded frame; the codec checks its limit before calling this. */
  byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(length());
    writeTo(out);
    return out.array();
  }

  /** Writes the frame; the caller has checked that {@code out} has room. */
  void writeTo(ByteBuffer out) {
    out.put((byte) (code >>> 8)).put((byte) code).put(payload);
  }

  String eventName() {
    return event().map(Enum::name).orElse("event " + code);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChatFrame frame
        && code == frame.code && Arrays.equals(payload, frame.payload);
  }

  @Override
  public int hashCode() {
    return 31 * code + Arrays.hashCode(payload);
  }

  /**
   * Describes the frame for logs.
   *
   * @return e.g. {@code ChatFrame[LOGIN_REQ(20), 3 bytes: 62 6f 62]}
   */
  @Override
  public String toString() {
    return "ChatFrame[" + event().map(Enum::name).orElse("unknown") + "(" + code + "), "
        + payload.length + " bytes: " + HexPreview.of(payload) + "]";
  }
}
