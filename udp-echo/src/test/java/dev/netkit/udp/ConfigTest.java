package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.server.ReplyRateConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void serverConfigChecksItsLimits() {
    assertThat(ReverseEchoServerConfig.defaults().maxDatagram()).isEqualTo(5000);
    ReverseEchoServerConfig flaky = ReverseEchoServerConfig.builder().flaky(true).seed(7).build();
    assertThat(flaky.flaky()).isTrue();
    assertThat(flaky.seed()).isEqualTo(7);
    assertThat(flaky.flakySendProbability()).isEqualTo(0.3);
    assertThat(flaky.toBuilder().build().seed()).isEqualTo(7);
    assertThatThrownBy(() -> ReverseEchoServerConfig.builder().maxDatagram(0).build())
        .hasMessage("maxDatagram : 0 (expected: 1-65507)");
    assertThatThrownBy(() -> ReverseEchoServerConfig.builder().flakySendProbability(1.5).build())
        .hasMessage("flakySendProbability : 1.5 (expected: 0-1)");
    assertThatThrownBy(() -> DaytimeServerConfig.builder().clock(null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DaytimeServerConfig.builder().maxRequest(65_508).build())
        .hasMessage("maxRequest : 65508 (expected: 1-65507)");
  }

  @Test
  void bothServersHoldOneLoopConfigAndKeepItThroughToBuilder() {
    DatagramLoopConfig loop = DatagramLoopConfig.builder().threads(4).batched(false)
        .replyRate(ReplyRateConfig.builder().datagramsPerSecond(10).build()).build();

    assertThat(ReverseEchoServerConfig.builder().loop(loop).build().toBuilder().build().loop())
        .isSameAs(loop);
    assertThat(DaytimeServerConfig.builder().loop(loop).build().toBuilder().build().loop())
        .isSameAs(loop);
    assertThat(ReverseEchoServerConfig.defaults().loop().toString())
        .isEqualTo(DaytimeServerConfig.defaults().loop().toString())
        .isEqualTo("DatagramLoopConfig[1 socket, batched, " + ReplyRateConfig.defaults() + "]");
    assertThat(DatagramLoopConfig.defaults().logDatagrams()).isFalse();
    assertThat(loop.toBuilder().logDatagrams(true).build().toBuilder().build())
        .satisfies(logging -> assertThat(logging.logDatagrams()).isTrue())
        .hasToString("DatagramLoopConfig[4 sockets, plain, " + loop.replyRate()
            + ", logging datagrams]");
    assertThatThrownBy(() -> DatagramLoopConfig.builder().threads(0).build())
        .hasMessage("threads : 0 (expected: 1-64)");
    assertThatThrownBy(() -> loop.toBuilder().threads(DatagramLoopConfig.MAX_THREADS + 1).build())
        .hasMessage("threads : 65 (expected: 1-64)");
    assertThatThrownBy(() -> loop.toBuilder().replyRate(null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ReverseEchoServerConfig.builder().loop(null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void echoClientConfigHasTheBooksDefaults() {
    EchoClientConfig config = EchoClientConfig.defaults();

    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.tries()).isEqualTo(5);
    assertThat(config.maxDatagram()).isEqualTo(5000);
    assertThatThrownBy(() -> config.toBuilder().tries(0).build())
        .hasMessage("tries : 0 (expected: > 0)");
    assertThatThrownBy(() -> config.toBuilder().timeout(Duration.ZERO).build())
        .hasMessage("timeout : PT0S (expected: > 0)");
  }

  @Test
  void aBuilderChangedAfterBuildDoesNotChangeTheConfig() {
    EchoClientConfig.Builder builder = EchoClientConfig.builder().tries(3);
    EchoClientConfig built = builder.build();

    builder.tries(9);

    assertThat(built.tries()).isEqualTo(3);
    assertThat(builder.build().tries()).isEqualTo(9);
  }

  @Test
  void sequencedClientConfigKeepsTheSequenceSpaceAtLeastTwiceTheWindow() {
    SequencedClientConfig config = SequencedClientConfig.defaults();

    assertThat(config.window()).isEqualTo(64);
    assertThat(config.maxTries()).isEqualTo(5);
    assertThat(config.sequenceSpace()).isEqualTo(Long.MAX_VALUE);
    assertThat(config.rto().initial()).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> config.toBuilder().window(8).sequenceSpace(15).build())
        .hasMessage("sequenceSpace : 15 (expected: >= 2 * window = 16)");
    assertThatThrownBy(() -> config.toBuilder().sequenceSpace(1000).firstSequence(1000).build())
        .hasMessage("firstSequence : 1000 (expected: 0-999)");
    assertThatThrownBy(() -> config.toBuilder().maxTries(0).build())
        .hasMessage("maxTries : 0 (expected: > 0)");
    assertThatThrownBy(() -> config.toBuilder().maxDatagram(20).build())
        .hasMessage("maxDatagram : 20 (expected: 21-65507)");
    SequencedClientConfig copy = config.toBuilder().window(4).maxQueued(2).build();
    assertThat(copy.window()).isEqualTo(4);
    assertThat(copy.maxQueued()).isEqualTo(2);
    assertThat(copy.rttSampleCapacity()).isEqualTo(config.rttSampleCapacity());
  }

  @Test
  void proxyConfigChecksProbabilitiesAndDelays() {
    FaultyProxyConfig.Builder builder = FaultyProxyConfig.builder();
    FaultyProxyConfig config = builder.loss(0.3).duplicate(0.1).reorder(0.2).seed(9).build();

    assertThat(config.toString()).isEqualTo("FaultyProxyConfig[loss=0.3, duplicate=0.1, "
        + "reorder=0.2, delay=PT0S, reorderDelay=PT0.005S, seed=9, maxClients=1024, "
        + "maxClientsPerAddress=64, "
        + "maxQueued=10000, maxQueuedBytes=16777216, maxQueuedPerAddress=2500, "
        + "maxQueuedBytesPerAddress=4194304, replyRate=" + ReplyRateConfig.defaults() + "]");
    assertThat(config.toBuilder().build().toString()).isEqualTo(config.toString());
    assertThat(FaultyProxyConfig.defaults().loss()).isZero();
    assertThatThrownBy(() -> config.toBuilder().loss(1.01).build())
        .hasMessage("loss : 1.01 (expected: 0-1)");
    assertThatThrownBy(() -> config.toBuilder().duplicate(Double.NaN).build())
        .hasMessage("duplicate : NaN (expected: 0-1)");
    assertThatThrownBy(() -> config.toBuilder().delay(Duration.ofMillis(-1)).build())
        .hasMessage("delay : PT-0.001S (expected: >= 0)");
    assertThatThrownBy(() -> config.toBuilder().maxClients(0).build())
        .hasMessage("maxClients : 0 (expected: > 0)");
    assertThatThrownBy(() -> config.toBuilder().maxQueuedBytes(0).build())
        .hasMessage("maxQueuedBytes : 0 (expected: > 0)");
  }

  @Test
  void proxyConfigSharesTheDelayQueueOutPerAddress() {
    FaultyProxyConfig defaults = FaultyProxyConfig.defaults();
    assertThat(defaults.maxQueuedPerAddress()).isEqualTo(2_500);
    assertThat(defaults.maxQueuedBytesPerAddress()).isEqualTo(4L * 1024 * 1024);
    FaultyProxyConfig small = FaultyProxyConfig.builder().maxQueued(20).maxQueuedBytes(3).build();
    assertThat(small.maxQueuedPerAddress()).as("a quarter of the total").isEqualTo(5);
    assertThat(small.maxQueuedBytesPerAddress()).as("at least 1").isEqualTo(1);
    assertThat(small.toBuilder().maxQueued(40).build().maxQueuedPerAddress())
        .as("a default share follows a total changed later").isEqualTo(10);

    FaultyProxyConfig given = small.toBuilder().maxQueuedPerAddress(20).maxQueuedBytesPerAddress(2)
        .build();
    assertThat(given.maxQueuedPerAddress()).isEqualTo(20);
    assertThat(given.maxQueuedBytesPerAddress()).isEqualTo(2);
    assertThat(given.toBuilder().build().toString()).isEqualTo(given.toString());
    assertThatThrownBy(() -> given.toBuilder().maxQueued(10).build())
        .hasMessage("maxQueuedPerAddress : 20 (expected: 1-10)");
    assertThatThrownBy(() -> small.toBuilder().maxQueuedPerAddress(21).build())
        .hasMessage("maxQueuedPerAddress : 21 (expected: 1-20)");
    assertThatThrownBy(() -> small.toBuilder().maxQueuedPerAddress(0).build())
        .hasMessage("maxQueuedPerAddress : 0 (expected: 1-20)");
    assertThatThrownBy(() -> small.toBuilder().maxQueuedBytesPerAddress(4).build())
        .hasMessage("maxQueuedBytesPerAddress : 4 (expected: 1-3)");
  }

  @Test
  void proxyConfigHasAReplyBudget() {
    assertThat(FaultyProxyConfig.defaults().replyRate().toString())
        .isEqualTo(ReplyRateConfig.defaults().toString());
    ReplyRateConfig slow = ReplyRateConfig.builder().datagramsPerSecond(10).build();
    FaultyProxyConfig config = FaultyProxyConfig.builder().replyRate(slow).build();
    assertThat(config.replyRate()).isSameAs(slow);
    assertThat(config.toBuilder().build().replyRate()).isSameAs(slow);
    assertThatThrownBy(() -> config.toBuilder().replyRate(null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("replyRate");
  }
}
