package dev.netkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamServerConfigTest {

  @Test
  void theDefaultsAreTheNamedConstants() {
    StreamServerConfig config = StreamServerConfig.defaults();

    assertThat(config.name()).isEqualTo(StreamServerConfig.DEFAULT_NAME);
    assertThat(config.maxConnections()).isEqualTo(StreamServerConfig.DEFAULT_MAX_CONNECTIONS);
    assertThat(config.maxConnectionsPerPeer()).isEqualTo(Integer.MAX_VALUE);
    assertThat(config.idleTimeout()).isEqualTo(StreamServerConfig.DEFAULT_IDLE_TIMEOUT);
    assertThat(config.closeTimeout()).isEqualTo(StreamServerConfig.DEFAULT_CLOSE_TIMEOUT);
    assertThat(config.whenFull()).isEqualTo(StreamServerConfig.WhenFull.WAIT);
    assertThat(config.refuser()).isSameAs(Refuser.SILENT);
    assertThat(config.peerIdentity()).isSameAs(PeerIdentity.BY_ADDRESS);
  }

  @Test
  void aBuiltConfigurationDoesNotChangeWithItsBuilder() {
    StreamServerConfig.Builder builder = StreamServerConfig.builder().maxConnections(3);
    StreamServerConfig config = builder.build();

    builder.maxConnections(5).name("other");

    assertThat(config.maxConnections()).isEqualTo(3);
    assertThat(config.name()).isEqualTo(StreamServerConfig.DEFAULT_NAME);
    assertThat(config.toBuilder().idleTimeout(Duration.ofSeconds(1)).build().maxConnections())
        .isEqualTo(3);
  }

  @Test
  void buildNamesTheValueOutOfRange() {
    assertThatThrownBy(() -> StreamServerConfig.builder().maxConnections(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConnections : 0 (expected: > 0)");
    assertThatThrownBy(() -> StreamServerConfig.builder().maxConnectionsPerPeer(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConnectionsPerPeer : -1 (expected: > 0)");
    assertThatThrownBy(() -> StreamServerConfig.builder().idleTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idleTimeout : PT0S (expected: > 0)");
    assertThatThrownBy(() -> StreamServerConfig.builder().closeTimeout(Duration.ofSeconds(-1))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closeTimeout : PT-1S (expected: >= 0)");
    assertThatThrownBy(() -> StreamServerConfig.builder().name("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name : \"\" (expected: not empty)");
    assertThatThrownBy(() -> StreamServerConfig.builder().refuser(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("refuser");
  }
}
