package dev.netkit.travesty.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.codec.travesty.TravestyProtocol;
import dev.netkit.server.StreamServerConfig;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TravestyServerConfigTest {

  @Test
  void theDefaultsAreTheNamedConstants() {
    TravestyServerConfig config = TravestyServerConfig.defaults();

    assertThat(config.address()).isEqualTo(InetAddress.getLoopbackAddress());
    assertThat(config.port()).isEqualTo(TravestyProtocol.DEFAULT_PORT);
    assertThat(config.bindAddress().getAddress().isLoopbackAddress()).isTrue();
    assertThat(TravestyServerConfig.builder().address(null).build().bindAddress().getAddress()
        .isAnyLocalAddress()).as("all interfaces, when asked").isTrue();
    assertThat(config.connections().name()).isEqualTo(TravestyServerConfig.DEFAULT_NAME);
    assertThat(config.connections().maxConnections())
        .isEqualTo(TravestyServerConfig.DEFAULT_MAX_CLIENTS);
    assertThat(config.connections().whenFull()).isEqualTo(StreamServerConfig.WhenFull.REFUSE);
    assertThat(config.maxUploadBytes()).isEqualTo(TravestyServerConfig.DEFAULT_MAX_UPLOAD_BYTES);
    assertThat(config.connections().idleTimeout())
        .isEqualTo(TravestyServerConfig.DEFAULT_IDLE_TIMEOUT);
    assertThat(config.models().get().isEmpty()).isTrue();
    assertThat(config.connections().maxConnectionsPerPeer())
        .isEqualTo(TravestyServerConfig.DEFAULT_MAX_CLIENTS_PER_ADDRESS);
    assertThat(config.lineTimeout()).isEqualTo(TravestyServerConfig.DEFAULT_LINE_TIMEOUT);
  }

  @Test
  void theWordBudgetsDefaultToAShareOfTheHeap() {
    long heapWords = Runtime.getRuntime().maxMemory() / 2 / TravestyServerConfig.BYTES_PER_WORD;

    TravestyServerConfig config = TravestyServerConfig.defaults();

    assertThat(config.maxTotalWords()).isEqualTo(heapWords);
    assertThat(config.maxWords())
        .isEqualTo(Math.min(TravestyServerConfig.DEFAULT_MAX_WORDS, heapWords));
  }

  @Test
  void aBuiltConfigurationDoesNotChangeWithItsBuilder() {
    TravestyServerConfig.Builder builder = TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress()).maxUploadBytes(2);
    TravestyServerConfig config = builder.build();

    builder.maxUploadBytes(9).address(null);

    assertThat(config.maxUploadBytes()).isEqualTo(2);
    assertThat(config.address()).isEqualTo(InetAddress.getLoopbackAddress());
    assertThat(config.toBuilder().port(0).build().maxUploadBytes()).isEqualTo(2);
  }

  @Test
  void buildNamesTheValueOutOfRange() {
    assertThatThrownBy(() -> TravestyServerConfig.builder().port(65_536).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port : 65536 (expected: 0-65535)");
    assertThatThrownBy(() -> TravestyServerConfig.builder()
        .connections(TravestyServerConfig.connectionDefaults().maxConnections(100_001).build())
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connections.maxConnections : 100001 (expected: 1-100000)");
    assertThatThrownBy(() -> TravestyServerConfig.builder().maxLineLength(8).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLineLength : 8 (expected: 16-1048576)");
    assertThatThrownBy(() -> TravestyServerConfig.builder()
        .connections(TravestyServerConfig.connectionDefaults().idleTimeout(Duration.ofMillis(1))
            .build())
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connections.idleTimeout : PT0.001S (expected: 10 ms to 1 day)");
    assertThatThrownBy(() -> TravestyServerConfig.builder().connections(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("connections");
    assertThatThrownBy(() -> TravestyServerConfig.builder().models(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("models");
  }
}
