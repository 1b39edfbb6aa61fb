package dev.netkit.multicast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.chat.ChannelDefinition;
import dev.netkit.chat.server.ChannelView;
import dev.netkit.chat.server.UserView;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.SetMcastPort;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configurations of the beacon, the fan-out and the client; the fan-out's channel descriptions. */
class SettingsTest {

  @Test
  void theBeaconDefaultsAreTheBooks() {
    TimeBeaconConfig config = TimeBeaconConfig.defaults();
    assertThat(config.target().getAddress().getHostAddress()).isEqualTo("224.225.226.227");
    assertThat(config.target().getPort()).isEqualTo(2070);
    assertThat(config.timeToLive()).isEqualTo(31);
    assertThat(config.period()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.outgoingInterface()).isEmpty();
    assertThat(config.hostName()).isEmpty();
  }

  @Test
  void theBeaconConfigCopiesIntoABuilder() {
    TimeBeaconConfig config = TimeBeaconConfig.builder()
        .target(TimeBeaconConfig.defaultGroup(), 2099).timeToLive(0)
        .hostName("pesto").outgoingInterface("lo").build();
    TimeBeaconConfig copy = config.toBuilder().period(Duration.ofSeconds(1)).build();
    assertThat(copy.target()).isEqualTo(config.target());
    assertThat(copy.timeToLive()).isZero();
    assertThat(copy.hostName()).hasValue("pesto");
    assertThat(copy.outgoingInterface()).hasValue("lo");
    assertThat(copy.period()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.period()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void theBeaconRefusesBadSettings() throws Exception {
    TimeBeaconConfig.Builder builder = TimeBeaconConfig.builder();
    assertThatThrownBy(() -> builder.timeToLive(300).build())
        .hasMessage("ttl : 300 (expected: 0-255)");
    builder.timeToLive(31);
    assertThatThrownBy(() -> builder.target(InetAddress.getByName("192.0.2.1"), 2070).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("192.0.2.1 is not a multicast address");
    assertThatThrownBy(() -> builder.target(TimeBeaconConfig.defaultGroup(), 0).build())
        .hasMessage("port : 0 (expected: 1-65535)");
    builder.target(TimeBeaconConfig.defaultGroup(), 2070);
    assertThatThrownBy(() -> builder.period(Duration.ZERO).build())
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
    MulticastFanOutConfig defaults = MulticastFanOutConfig.defaults();
    assertThat(defaults.port()).isEqualTo(2028);
    assertThat(defaults.timeToLive()).isEqualTo(31);
    assertThat(defaults.outgoingInterface()).isEmpty();
    assertThat(defaults.toBuilder().outgoingInterface("lo").build().outgoingInterface())
        .hasValue("lo");
    assertThatThrownBy(() -> defaults.toBuilder().timeToLive(256).build())
        .hasMessage("ttl : 256 (expected: 0-255)");
    assertThatThrownBy(() -> defaults.toBuilder().port(70_000).build())
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
    ChannelView weather = new ChannelView() {
      @Override
      public ChannelDefinition definition() {
        return ChannelDefinition.multicast("Weather", "Talk about the weather", "225.1.0.2");
      }

      @Override
      public Collection<? extends UserView> members() {
        return List.of();
      }

      @Override
      public int memberCount() {
        return 3;
      }
    };
    try (MulticastFanOut fanOut = new MulticastFanOut(
        MulticastFanOutConfig.builder().port(2099).timeToLive(0).build())) {
      ChannelInfo info = fanOut.describe(weather);
      assertThat(info.format()).isEqualTo("Weather 3 225.1.0.2 Talk about the weather");
      assertThat(fanOut.afterLogin(null)).containsExactly(new SetMcastPort(2099));
    }
  }

  @Test
  void theClientSettingsAreChecked() {
    MulticastChatClientConfig fixed = MulticastChatClientConfig.builder().fixedPort(2028).build();
    assertThat(fixed.fixedPort()).hasValue(2028);
    assertThat(fixed.toBuilder().build().fixedPort()).hasValue(2028);
    assertThat(fixed.toBuilder().followServer().build().fixedPort()).isEmpty();
    assertThat(MulticastChatClientConfig.defaults().fixedPort()).isEmpty();
    assertThat(MulticastChatClientConfig.defaults().joinInterface()).isEmpty();
    assertThatThrownBy(() -> MulticastChatClientConfig.builder().fixedPort(0).build())
        .hasMessage("fixedPort : 0 (expected: 1-65535)");
  }
}
