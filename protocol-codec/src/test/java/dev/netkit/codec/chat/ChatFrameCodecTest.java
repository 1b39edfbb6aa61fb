package dev.netkit.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.MalformedFrameException;
import dev.netkit.codec.MalformedTextException;
import dev.netkit.codec.TooLongFrameException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatFrameCodecTest {

  private final ChatFrameCodec codec = new ChatFrameCodec();

  @Test
  void decodesCodeAndPayload() {
    ChatFrame frame = codec.decode(new byte[] {0x00, 0x14, 'b', 'o', 'b'});
    assertThat(frame.code()).isEqualTo(20);
    assertThat(frame.event()).contains(ChatEvent.LOGIN_REQ);
    assertThat(frame.is(ChatEvent.LOGIN_REQ)).isTrue();
    assertThat(frame.text()).isEqualTo("bob");
    assertThat(frame.length()).isEqualTo(5);
  }

  @Test
  void encodesBigEndianCodeThenPayload() {
    assertThat(codec.encode(ChatFrame.of(ChatEvent.STILL_HERE, ""))).containsExactly(0x00, 0xc8);
    assertThat(codec.encode(new LoginRequest("bob"))).containsExactly(0x00, 0x14, 'b', 'o', 'b');
  }

  @Test
  void unknownCodeIsKept() {
    byte[] datagram = {0x03, (byte) 0xe7, 'x'};
    ChatFrame frame = codec.decode(datagram);
    assertThat(frame.code()).isEqualTo(999);
    assertThat(frame.event()).isEmpty();
    assertThat(codec.encode(frame)).isEqualTo(datagram);
    assertThat(frame).hasToString("ChatFrame[unknown(999), 1 bytes: 78]");
  }

  @Test
  void codeIsUnsigned() {
    assertThat(codec.decode(new byte[] {(byte) 0xff, (byte) 0xfe}).code()).isEqualTo(65534);
  }

  @Test
  void consumesTheWholeBuffer() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 0x00, 0x5a, 'h', 'i', 9}, 1, 4);
    ChatFrame frame = codec.decode(buffer);
    assertThat(frame).isEqualTo(ChatFrame.of(ChatEvent.SEND_PUBLIC, "hi"));
    assertThat(buffer.position()).isEqualTo(5);
    assertThat(buffer.remaining()).isZero();
  }

  @Test
  void decodesFromDirectBuffer() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(8).put(new byte[] {0x00, 0x0a, 'n', 'o'}).flip();
    assertThat(codec.decode(buffer)).isEqualTo(new ErrorMessage("no").toFrame());
  }

  @Test
  void payloadIsCopied() {
    byte[] datagram = {0x00, 0x5a, 'h', 'i'};
    ChatFrame frame = codec.decode(datagram, 0, datagram.length);
    datagram[2] = 'X';
    frame.payload()[0] = 'Y';
    assertThat(frame.text()).isEqualTo("hi");
    assertThat(frame.payloadBuffer().isReadOnly()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void frameShorterThanTheCodeIsMalformedAndNotConsumed(int length) {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0x00}, 0, length);
    assertThatThrownBy(() -> codec.decode(buffer))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage("chat datagram length : " + length + " (expected: at least 2), input: "
            + (length == 0 ? "(empty)" : "00"));
    assertThat(buffer.position()).isZero();
  }

  @Test
  void datagramOverTheLimitIsTooLongAndNotConsumed() {
    byte[] datagram = new byte[1025];
    datagram[1] = 0x5a;
    ByteBuffer buffer = ByteBuffer.wrap(datagram);
    assertThatThrownBy(() -> codec.decode(buffer))
        .isInstanceOfSatisfying(TooLongFrameException.class, e -> {
          assertThat(e.length()).isEqualTo(1025);
          assertThat(e.limit()).isEqualTo(1024);
        })
        .hasMessage("chat datagram length : 1025 (limit: 1024), input: 00 5a"
            + " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
            + " 00 00 00 00 …(+993 bytes)");
    assertThat(buffer.position()).isZero();
    assertThat(codec.decode(Arrays.copyOf(datagram, 1024)).payloadLength()).isEqualTo(1022);
  }

  @Test
  void limitIsConfigurable() {
    ChatFrameCodec small = new ChatFrameCodec(4);
    assertThat(small.maxDatagramSize()).isEqualTo(4);
    assertThat(small.decode(new byte[] {0, 90, 'a', 'b'}).text()).isEqualTo("ab");
    assertThatThrownBy(() -> small.decode(new byte[] {0, 90, 'a', 'b', 'c'}))
        .isInstanceOf(TooLongFrameException.class)
        .hasMessage("chat datagram length : 5 (limit: 4), input: 00 5a 61 62 63");
    assertThat(new ChatFrameCodec(DatagramSize.MAX_UDP_PAYLOAD).maxDatagramSize())
        .isEqualTo(65507);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 65508})
  void limitOutsideTheUdpRangeIsRejected(int limit) {
    assertThatThrownBy(() -> new ChatFrameCodec(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDatagramSize : " + limit + " (expected: 2-65507)");
  }

  @Test
  void encodingOverTheLimitIsTooLong() {
    ChatFrameCodec small = new ChatFrameCodec(4);
    assertThatThrownBy(() -> small.encode(new SendPublic("abc")))
        .isInstanceOf(TooLongFrameException.class)
        .hasMessage("chat frame length : 5 (limit: 4), input: 00 5a 61 62 63");
  }

  @Test
  void encodesIntoABuffer() {
    ByteBuffer out = ByteBuffer.allocate(8).put((byte) 7);
    codec.encode(new JoinRequest("Pets"), out);
    assertThat(Arrays.copyOf(out.array(), out.position()))
        .containsExactly(7, 0x00, 0x32, 'P', 'e', 't', 's');
  }

  @Test
  void bufferWithoutRoomGetsNothing() {
    ByteBuffer out = ByteBuffer.allocate(4);
    ChatFrame frame = new SendPublic("abc").toFrame();
    assertThatThrownBy(() -> codec.encode(frame, out)).isInstanceOf(BufferOverflowException.class);
    assertThat(out.position()).isZero();
  }

  @Test
  void codeMustFitSixteenBits() {
    assertThatThrownBy(() -> ChatFrame.of(65536, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code : 65536 (expected: 0-65535)");
  }

  @Test
  void malformedUtf8PayloadIsATypedError() {
    ChatFrame frame = codec.decode(new byte[] {0x00, 0x5a, 'a', (byte) 0xc3, 'b'});
    assertThatThrownBy(frame::text)
        .isInstanceOfSatisfying(MalformedTextException.class, e -> assertThat(e.offset()).isOne())
        .hasMessage("SEND_PUBLIC payload : malformed UTF-8 at byte 1 (expected: UTF-8),"
            + " input: 61 c3 62");
  }

  @Test
  void utf8PayloadRoundTrips() {
    ChatFrame frame = new SendPublic("привет, 世界 🌍").toFrame();
    ChatFrame decoded = codec.decode(codec.encode(frame));
    assertThat(decoded).isEqualTo(frame).hasSameHashCodeAs(frame);
    assertThat(decoded.text()).isEqualTo("привет, 世界 🌍");
    assertThat(decoded.payload())
        .isEqualTo("привет, 世界 🌍".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyEventCodeIsTheBooks() {
    assertThat(ChatEvent.values()).extracting(ChatEvent::code).containsExactly(
        10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210);
    for (ChatEvent event : ChatEvent.values()) {
      assertThat(ChatEvent.forCode(event.code())).contains(event);
    }
    assertThat(ChatEvent.forCode(110)).isEmpty();
    assertThat(ChatEvent.forCode(-1)).isEmpty();
    assertThat(ChatEvent.forCode(65535)).isEmpty();
  }
}
