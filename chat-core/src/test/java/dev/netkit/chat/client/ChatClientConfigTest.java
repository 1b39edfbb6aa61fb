package dev.netkit.chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.codec.chat.ChannelFormat;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatClientConfigTest {

  @Test
  void defaultsAreTheBooksClient() {
    ChatClientConfig config = ChatClientConfig.defaults();

    assertThat(config.server())
        .isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 2027));
    assertThat(config.bindAddress()).isEmpty();
    assertThat(config.maxDatagramSize()).isEqualTo(1024);
    assertThat(config.loginTries()).isEqualTo(5);
    assertThat(config.loginRetryInterval()).isEqualTo(Duration.ofSeconds(6));
    assertThat(config.keepAliveInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.channelFormat()).isEqualTo(ChannelFormat.STANDARD);
  }

  @Test
  void buildChecksEverySetting() {
    ChatClientConfig.Builder builder = ChatClientConfig.builder();

    assertThatThrownBy(() -> builder.server(InetSocketAddress.createUnresolved("nowhere", 1))
        .build()).hasMessage("server : nowhere/<unresolved>:1 (expected: resolved)");
    builder.server(ChatClientConfig.DEFAULT_SERVER);
    assertThatThrownBy(() -> builder.login(0, Duration.ofSeconds(1)).build())
        .hasMessage("loginTries : 0 (expected: > 0)");
    assertThatThrownBy(() -> builder.login(1, Duration.ZERO).build())
        .hasMessage("loginRetryInterval : PT0S (expected: > 0)");
    builder.login(1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> builder.keepAliveInterval(Duration.ofSeconds(-1)).build())
        .hasMessage("keepAliveInterval : PT-1S (expected: > 0)");
    builder.keepAliveInterval(Duration.ofSeconds(1));
    assertThatThrownBy(() -> builder.maxDatagramSize(70_000).build())
        .hasMessage("maxDatagramSize : 70000 (expected: 2-65507)");
  }

  @Test
  void toBuilderCopiesEverySetting() {
    InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    ChatClientConfig config = ChatClientConfig.builder().bindAddress(local)
        .login(2, Duration.ofSeconds(1)).keepAliveInterval(Duration.ofSeconds(3))
        .maxDatagramSize(2048).channelFormat(ChannelFormat.MULTICAST).build();

    ChatClientConfig copy = config.toBuilder().build();

    assertThat(copy.bindAddress()).hasValue(local);
    assertThat(copy.loginTries()).isEqualTo(2);
    assertThat(copy.loginRetryInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(copy.keepAliveInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(copy.maxDatagramSize()).isEqualTo(2048);
    assertThat(copy.channelFormat()).isEqualTo(ChannelFormat.MULTICAST);
  }
}
