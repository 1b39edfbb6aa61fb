package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatagramTextTest {

  @Test
  void encodesAsUtf8() {
    assertThat(DatagramText.encode("hé")).containsExactly('h', 0xc3, 0xa9);
  }

  @Test
  void decodesUtf8AndFallsBackToLatin1() {
    assertThat(DatagramText.decode(ByteBuffer.wrap("héllo".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("héllo");
    assertThat(DatagramText.decode(new byte[] {'a', (byte) 0xe9}, 0, 2)).isEqualTo("aé");
  }

  @Test
  void decodingDoesNotMoveTheBuffer() {
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {'x', 'a', (byte) 0xe9});
    bytes.position(1);

    assertThat(DatagramText.decode(bytes)).isEqualTo("aé");
    assertThat(bytes.position()).isEqualTo(1);
  }

  @Test
  void decodesEveryByteValueWithoutLoss() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }

    String text = DatagramText.decode(all, 0, all.length);

    assertThat(text.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(all);
  }

  @Test
  void tellsAsciiRanges() {
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {'a', 'b', (byte) 0x80, 'c'});

    assertThat(DatagramText.isAscii(bytes, 0, 2)).isTrue();
    assertThat(DatagramText.isAscii(bytes, 1, 3)).isFalse();
    assertThat(DatagramText.isAscii(bytes, 3, 4)).isTrue();
  }

  @Test
  void decodesARangeStrictly() {
    CharsetDecoder decoder = Utf8.strictDecoder();
    ByteBuffer bytes = ByteBuffer.wrap("xhéy".getBytes(StandardCharsets.UTF_8));
    CharBuffer into = CharBuffer.allocate(8);

    assertThat(DatagramText.decodeUtf8(decoder, bytes, 1, 4, into)).isTrue();
    assertThat(into.toString()).isEqualTo("hé");
    // Cutting the two-byte é in half is not valid UTF-8.
    assertThat(DatagramText.decodeUtf8(decoder, bytes, 1, 3, into)).isFalse();
    assertThat(bytes.position()).isZero();
  }

  @Test
  void latin1ViewIsCopyFreeAndBounded() {
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {'x', '1', ':', ' ', (byte) 0xe9});
    bytes.position(1);
    Latin1View view = new Latin1View().wrap(bytes);

    assertThat(view.length()).isEqualTo(4);
    assertThat(view.toString()).isEqualTo("1: é");
    assertThat(view.subSequence(1, 3).toString()).isEqualTo(": ");
    assertThatThrownBy(() -> view.charAt(4))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index : 4 (length: 4)");
  }

  @Test
  void latin1ViewSeesTheBufferLive() {
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {'a', 'b'});
    Latin1View view = new Latin1View().wrap(bytes);

    bytes.put(0, (byte) 'z');

    assertThat(view.toString()).isEqualTo("zb");
  }
}
