package dev.netkit.udp;

import dev.netkit.codec.DatagramText;
import dev.netkit.codec.Latin1View;
import dev.netkit.codec.SequenceFrame;
import dev.netkit.codec.Utf8;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The reverse-echo reply to one datagram (book figure 18.4 and its sequence variant): a
 * {@link SequenceFrame} {@code N: payload} is answered {@code N: <payload reversed>} with the
 * request's own {@code N} bytes (so {@code 007: ab} gets {@code 007: ba}, as from Perl's
 * {@code "$1: "}); anything else is reversed whole.
 *
 * <p>Reversal follows {@link DatagramText}: a payload that is ASCII, or not valid UTF-8, is
 * reversed byte by byte (exactly what Perl does); valid non-ASCII UTF-8 is reversed by code points
 * (surrogate pairs stay together; combining marks are not kept with their base character), so the
 * reply is valid UTF-8 too. The ASCII path allocates nothing but the frame parse. One instance per
 * thread: it keeps scratch buffers.
 */
final class ReverseEcho {

  private final Latin1View view = new Latin1View();
  private final CharsetDecoder utf8Decoder = Utf8.strictDecoder();
  private final CharsetEncoder utf8Encoder = StandardCharsets.UTF_8.newEncoder();
  private final CharBuffer chars;

  /**
   * Creates the transform.
   *
   * @param maxDatagram the largest request it will see, in bytes
   */
  ReverseEcho(int maxDatagram) {
    this.chars = CharBuffer.allocate(maxDatagram);
  }

  /**
   * Writes the reply to {@code request} into {@code reply}.
   *
   * @param request the datagram, from its position to its limit (not moved)
   * @param reply cleared, filled and flipped; needs at least {@code request.remaining()} bytes
   */
  void reply(ByteBuffer request, ByteBuffer reply) {
    int start = request.position();
    int end = request.limit();
    int payloadStart = start + prefixLength(request);
    reply.clear();
    reply.put(request.duplicate().limit(payloadStart));
    if (DatagramText.isAscii(request, payloadStart, end)
        || !DatagramText.decodeUtf8(utf8Decoder, request, payloadStart, end, chars)) {
      for (int i = end - 1; i >= payloadStart; i--) {
        reply.put(request.get(i));
      }
    } else {
      reverseChars();
      utf8Encoder.reset();
      utf8Encoder.encode(chars, reply, true);
      utf8Encoder.flush(reply);
    }
    reply.flip();
  }

  /** Length in bytes of the {@code N: } prefix, 0 if the datagram is not a sequence frame. */
  private int prefixLength(ByteBuffer request) {
    view.wrap(request);
    return SequenceFrame.parse(view)
        .map(frame -> view.length() - frame.payload().length())
        .orElse(0);
  }

  /** Reverses {@link #chars} in place by code points. */
  private void reverseChars() {
    StringBuilder reversed = new StringBuilder(chars).reverse();
    chars.clear();
    chars.append(reversed);
    chars.flip();
  }
}
