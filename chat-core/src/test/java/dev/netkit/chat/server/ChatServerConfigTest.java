package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.chat.ChannelDefinition;
import dev.netkit.server.ReplyRateConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatServerConfigTest {

  @Test
  void defaultsAreTheBooksAndTheIssuesLimits() {
    ChatServerConfig config = ChatServerConfig.defaults();

    assertThat(config.bindAddress().getPort()).isEqualTo(2027);
    assertThat(config.bindAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(config.channels()).isEqualTo(ChannelDefinition.defaults());
    assertThat(config.newFanOut()).isInstanceOf(UnicastFanOut.class);
    assertThat(config.maxDatagramSize()).isEqualTo(1024);
    assertThat(config.maxUsers()).isEqualTo(10_000);
    assertThat(config.maxChannelsPerUser()).isEqualTo(20);
    assertThat(config.maxNicknameLength()).isEqualTo(32);
    assertThat(config.autoLogout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(config.checkInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.summaryInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.logDatagrams()).isFalse();
    assertThat(config.maxUsersPerAddress()).isEqualTo(64);
    assertThat(config.replyRate().datagramsPerSecond()).isEqualTo(2000);
    assertThat(config.replyRate().bytesPerSecond()).isEqualTo(256 * 1024);
    assertThat(config.replyRate().burst()).isEqualTo(Duration.ofSeconds(6));
    assertThat(config.replyRate().burstDatagrams())
        .isGreaterThan(ChatServerConfig.DEFAULT_MAX_USERS);
    assertThat(config.errorRate().burstDatagrams()).isEqualTo(5);
    assertThat(config.errorRate().datagramsPerSecond()).isEqualTo(1);
  }

  @Test
  void buildChecksEverySetting() {
    ChatServerConfig.Builder builder = ChatServerConfig.builder();

    assertThatThrownBy(() -> builder.maxUsers(0).build())
        .hasMessage("maxUsers : 0 (expected: > 0)");
    builder.maxUsers(1);
    assertThatThrownBy(() -> builder.maxUsersPerAddress(0).build())
        .hasMessage("maxUsersPerAddress : 0 (expected: > 0)");
    builder.maxUsersPerAddress(1);
    assertThatThrownBy(() -> builder.maxDatagramSize(1).build())
        .hasMessage("maxDatagramSize : 1 (expected: 2-65507)");
    builder.maxDatagramSize(1024);
    assertThatThrownBy(() -> builder.maxNicknameLength(257).build())
        .hasMessage("maxNicknameLength : 257 (expected: 1-256)");
    builder.maxNicknameLength(32);
    assertThatThrownBy(() -> builder.autoLogout(Duration.ZERO).build())
        .hasMessage("autoLogout : PT0S (expected: > 0)");
    builder.autoLogout(Duration.ofSeconds(1));
    assertThatThrownBy(() -> builder.errorRateLimit(1, 0, 1).build())
        .hasMessage("errorsPerSecond : 0.0 (expected: > 0)");
    builder.errorRateLimit(1, 1, 1);
    assertThatThrownBy(() -> builder.receiveBufferSize(-1).build())
        .hasMessage("receiveBufferSize : -1 (expected: >= 0)");
    builder.receiveBufferSize(0);
    assertThatThrownBy(() -> builder.channels(List.of()).build())
        .hasMessage("channels : [] (expected: at least one)");
    assertThatThrownBy(() -> builder.channels(List.of(ChannelDefinition.of("Pets", ""),
        ChannelDefinition.of("PETS", ""))).build())
        .hasMessage("channels : titles repeat (ignoring case)");
  }

  @Test
  void toBuilderCopiesEverySettingAndTheCopyIsIndependent() {
    ChatServerConfig config = ChatServerConfig.builder().maxUsers(3).maxChannelsPerUser(2)
        .maxNicknameLength(8).autoLogout(Duration.ofSeconds(9)).errorRateLimit(2, 0.5, 7)
        .maxUsersPerAddress(5).replyRate(ReplyRateConfig.builder().datagramsPerSecond(9).build())
        .receiveBufferSize(4096).logDatagrams(true).channels(List.of(ChannelDefinition.of("Pets", "")))
        .build();

    ChatServerConfig copy = config.toBuilder().maxUsers(4).build();

    assertThat(config.maxUsers()).isEqualTo(3);
    assertThat(copy.maxUsers()).isEqualTo(4);
    assertThat(copy.maxChannelsPerUser()).isEqualTo(2);
    assertThat(copy.maxNicknameLength()).isEqualTo(8);
    assertThat(copy.autoLogout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(copy.errorBurst()).isEqualTo(2);
    assertThat(copy.errorsPerSecond()).isEqualTo(0.5);
    assertThat(copy.rateLimitSources()).isEqualTo(7);
    assertThat(copy.receiveBufferSize()).isEqualTo(4096);
    assertThat(copy.logDatagrams()).isTrue();
    assertThat(copy.maxUsersPerAddress()).isEqualTo(5);
    assertThat(copy.replyRate().datagramsPerSecond()).isEqualTo(9);
    assertThat(copy.channels()).isEqualTo(config.channels());
    assertThat(copy.bindAddress()).isEqualTo(config.bindAddress());
  }
}
