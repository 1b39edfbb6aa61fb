package dev.netkit.multicast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.chat.ChannelDefinition;
import dev.netkit.chat.server.ChatChannel;
import dev.netkit.chat.server.ChatUser;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.SetMcastPort;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings of the beacon, the fan-out and the client; the fan-out's channel descriptions. */
class SettingsTest {

  @Test
  void theBeaconDefaultsAreTheBooks() {
    TimeBeaconConfig config = TimeBeaconConfig.defaults();
    assertThat(config.target().getAddress().getHostAddress()).isEqualTo("224.225.226.227");
    assertThat(config.target().getPort()).isEqualTo(2070);
    assertThat(config.timeToLive()).isEqualTo(31);
    assertThat(config.period()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void theBeaconRefusesBadSettings() throws Exception {
    TimeBeaconConfig config = TimeBeaconConfig.defaults();
    assertThatThrownBy(() -> config.withTimeToLive(300))
        .hasMessage("ttl : 300 (expected: 0-255)");
    assertThatThrownBy(() -> config.withTarget(InetAddress.getByName("192.0.2.1"), 2070))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("192.0.2.1 is not a multicast address");
    assertThatThrownBy(() -> config.withTarget(TimeBeaconConfig.defaultGroup(), 0))
        .hasMessage("port : 0 (expected: 1-65535)");
    assertThatThrownBy(() -> config.withPeriod(Duration.ZERO))
        .hasMessage("period : PT0S (expected: >= 1 ms)");
  }

  @Test
  void aBeaconIsCtimeSlashHostName() {
    ZonedDateTime time = ZonedDateTime.of(2026, 11, 6, 9, 5, 0, 0, ZoneOffset.UTC);
    assertThat(TimeBeaconServer.message(time, "pesto.example.org"))
        .isEqualTo("Fri Nov  6 09:05:00 2026/pesto.example.org");
  }

  @Test
  void theFanOutSettingsAreChecked() {
    assertThat(MulticastFanOut.Settings.defaults())
        .isEqualTo(new MulticastFanOut.Settings(2028, 31, Optional.empty()));
    assertThatThrownBy(() -> new MulticastFanOut.Settings(2028, 256, Optional.empty()))
        .hasMessage("ttl : 256 (expected: 0-255)");
    assertThatThrownBy(() -> new MulticastFanOut.Settings(70_000, 1, Optional.empty()))
        .hasMessage("port : 70000 (expected: 1-65535)");
  }

  @Test
  void everyChannelNeedsAGroup() {
    assertThatThrownBy(() -> MulticastFanOut.checkGroups(List.of(
        ChannelDefinition.multicast("Weather", "rain", "225.1.0.2"),
        ChannelDefinition.of("Knitting", "yarn"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel Knitting has no multicast group "
            + "(expected: one per channel for the multicast chat)");
  }

  @Test
  void theFanOutDescribesChannelsWithTheirGroupAndAnnouncesThePort() {
    ChatChannel weather = new ChatChannel() {
      @Override
      public ChannelDefinition definition() {
        return ChannelDefinition.multicast("Weather", "Talk about the weather", "225.1.0.2");
      }

      @Override
      public Collection<? extends ChatUser> members() {
        return List.of();
      }

      @Override
      public int memberCount() {
        return 3;
      }
    };
    try (MulticastFanOut fanOut = new MulticastFanOut(
        new MulticastFanOut.Settings(2099, 0, Optional.empty()))) {
      ChannelInfo info = fanOut.describe(weather);
      assertThat(info.format()).isEqualTo("Weather 3 225.1.0.2 Talk about the weather");
      assertThat(fanOut.afterLogin(null)).containsExactly(new SetMcastPort(2099));
    }
  }

  @Test
  void theClientSettingsAreChecked() {
    assertThat(MulticastChatClient.Settings.fixedPort(2028).fixedPort()).hasValue(2028);
    assertThat(MulticastChatClient.Settings.followServer().fixedPort()).isEmpty();
    assertThatThrownBy(() -> MulticastChatClient.Settings.fixedPort(0))
        .hasMessage("fixedPort : 0 (expected: 1-65535)");
  }
}
