package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.chat.ChannelDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatServerConfigTest {

  @Test
  void defaultsAreTheBooksAndTheIssuesLimits() {
    ChatServerConfig config = ChatServerConfig.defaults();

    assertThat(config.bindAddress().getPort()).isEqualTo(2027);
    assertThat(config.bindAddress().getAddress().isAnyLocalAddress()).isTrue();
    assertThat(config.channels()).isEqualTo(ChannelDefinition.defaults());
    assertThat(config.newFanOut()).isInstanceOf(UnicastFanOut.class);
    assertThat(config.maxDatagramSize()).isEqualTo(1024);
    assertThat(config.maxUsers()).isEqualTo(10_000);
    assertThat(config.maxChannelsPerUser()).isEqualTo(20);
    assertThat(config.maxNicknameLength()).isEqualTo(32);
    assertThat(config.autoLogout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(config.checkInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.summaryInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.quiet()).isFalse();
  }

  @Test
  void settersCheckTheirArguments() {
    ChatServerConfig.Builder builder = ChatServerConfig.builder();

    assertThatThrownBy(() -> builder.maxUsers(0)).hasMessage("maxUsers : 0 (expected: > 0)");
    assertThatThrownBy(() -> builder.maxDatagramSize(1)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.autoLogout(Duration.ZERO))
        .hasMessage("autoLogout : PT0S (expected: > 0)");
    assertThatThrownBy(() -> builder.errorRateLimit(1, 0, 1))
        .hasMessage("perSecond : 0.0 (expected: > 0)");
    assertThatThrownBy(() -> builder.channels(List.of()))
        .hasMessage("channels : [] (expected: at least one)");
    assertThatThrownBy(() -> builder.channels(List.of(ChannelDefinition.of("Pets", ""),
        ChannelDefinition.of("PETS", "")))).hasMessage("channels : titles repeat (ignoring case)");
  }
}
