package dev.netkit.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netkit.codec.ProtocolException;
import java.nio.charset.StandardCharsets;

class ChatFrameFuzzTest {

  private final ChatFrameCodec codec = new ChatFrameCodec();

  @FuzzTest
  void anyDatagramDecodesOrFailsWithACodecError(FuzzedDataProvider data) {
    byte[] datagram = data.consumeRemainingAsBytes();
    ChatFrame frame;
    try {
      frame = codec.decode(datagram);
    } catch (ProtocolException expected) {
      return;
    }
    assertThat(codec.encode(frame)).isEqualTo(datagram);
    for (ChannelFormat format : ChannelFormat.values()) {
      assertPayloadRoundTrips(frame, format);
    }
  }

  @FuzzTest
  void anyPayloadTextParsesOrFailsWithACodecError(FuzzedDataProvider data) {
    ChatEvent event = data.pickValue(ChatEvent.values());
    ChannelFormat format = data.pickValue(ChannelFormat.values());
    String text = data.consumeRemainingAsString();
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    assertPayloadRoundTrips(ChatFrame.of(event.code(), payload), format);
  }

  private static void assertPayloadRoundTrips(ChatFrame frame, ChannelFormat format) {
    ChatPayload payload;
    try {
      payload = ChatPayload.parse(frame, format);
    } catch (ProtocolException expected) {
      return;
    }
    assertThat(payload.event().code()).isEqualTo(frame.code());
    ChatFrame again = payload.toFrame();
    assertThat(ChatPayload.parse(again, format)).isEqualTo(payload);
    assertThat(again.text()).isEqualTo(payload.format());
  }
}
