package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void serverConfigChecksItsLimits() {
    assertThat(ReverseEchoServer.Config.defaults().maxDatagram()).isEqualTo(5000);
    assertThat(ReverseEchoServer.Config.defaults().withFlaky(7))
        .isEqualTo(new ReverseEchoServer.Config(5000, true, 0.3, 7));
    assertThatThrownBy(() -> ReverseEchoServer.Config.defaults().withMaxDatagram(0))
        .hasMessage("maxDatagram : 0 (expected: 1..65507)");
    assertThatThrownBy(() -> new ReverseEchoServer.Config(10, true, 1.5, 0))
        .hasMessage("flakySendProbability : 1.5 (expected: 0..1)");
    assertThatThrownBy(() -> DaytimeServer.Config.defaults().withClock(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void echoClientConfigHasTheBooksDefaults() {
    EchoClient.Config config = EchoClient.Config.defaults();

    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.tries()).isEqualTo(5);
    assertThatThrownBy(() -> config.withTries(0)).hasMessage("tries : 0 (expected: > 0)");
    assertThatThrownBy(() -> config.withTimeout(Duration.ZERO))
        .hasMessage("timeout : PT0S (expected: > 0)");
  }

  @Test
  void sequencedClientConfigKeepsTheSequenceSpaceAtLeastTwiceTheWindow() {
    SequencedClient.Config config = SequencedClient.Config.defaults();

    assertThat(config.window()).isEqualTo(64);
    assertThat(config.maxTries()).isEqualTo(5);
    assertThat(config.sequenceSpace()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> config.withWindow(8).withSequences(15, 0))
        .hasMessage("sequenceSpace : 15 (expected: >= 2 * window = 16)");
    assertThatThrownBy(() -> config.withSequences(1000, 1000))
        .hasMessage("firstSequence : 1000 (expected: 0..999)");
    assertThatThrownBy(() -> config.withMaxTries(0)).hasMessage("maxTries : 0 (expected: > 0)");
  }

  @Test
  void proxyConfigChecksProbabilitiesAndDelays() {
    FaultyProxy.Config config = FaultyProxy.Config.none();

    assertThat(config.withLoss(0.3).withDuplicate(0.1).withReorder(0.2).withSeed(9))
        .isEqualTo(new FaultyProxy.Config(0.3, 0.1, 0.2, Duration.ZERO, Duration.ofMillis(5), 9,
            1024, 10_000));
    assertThatThrownBy(() -> config.withLoss(1.01)).hasMessage("loss : 1.01 (expected: 0..1)");
    assertThatThrownBy(() -> config.withDuplicate(Double.NaN))
        .hasMessage("duplicate : NaN (expected: 0..1)");
    assertThatThrownBy(() -> config.withDelay(Duration.ofMillis(-1)))
        .hasMessage("delay : PT-0.001S (expected: >= 0)");
  }
}
