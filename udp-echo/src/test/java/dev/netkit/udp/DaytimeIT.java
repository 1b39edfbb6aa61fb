package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.server.DatagramBatch;
import dev.netkit.server.DatagramBatchStats;
import dev.netkit.testsupport.CloseAfterEach;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DaytimeIT {

  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2000-08-17T04:57:52Z"), ZoneOffset.UTC);

  /** Whether the servers batch their system calls; {@code PlainDaytimeIT} runs these tests without. */
  boolean batched() {
    return true;
  }

  final DaytimeServerConfig.Builder base() {
    return DaytimeServerConfig.builder()
        .loop(DatagramLoopConfig.builder().batched(batched()).build());
  }

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  private DaytimeServer startServer() throws Exception {
    return resources.use(new DaytimeServer(Peer.ANY_LOOPBACK, base()
        .clock(FIXED).build())).start();
  }

  @Test
  void serverAnswersAnyDatagramWithTheTimeAsOneCrlfLine() throws Exception {
    DaytimeServer server = startServer();
    Peer client = resources.use(new Peer());

    assertThat(client.exchange("What time is it?", server.localAddress()))
        .isEqualTo("Thu Aug 17 04:57:52 2000\r\n");
    client.send(new byte[0], server.localAddress());
    assertThat(client.receive(5_000)).isEqualTo("Thu Aug 17 04:57:52 2000\r\n");
  }

  @Test
  void serverDropsOversizeRequestsAndKeepsServing() throws Exception {
    DaytimeServer server = startServer();
    Peer client = resources.use(new Peer());

    client.send(new byte[DaytimeServerConfig.DEFAULT_MAX_REQUEST + 1], server.localAddress());

    assertThat(client.exchange("time?", server.localAddress())).startsWith("Thu Aug 17");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(server.stats()).isEqualTo(new DatagramServerStats(2, 1, 1, 0, 0, 0, 0)));
  }

  @Test
  void ioStatsCountTheSystemCallsLikeTheEchoServers() throws Exception {
    DaytimeServer server = startServer();
    assertThat(server.ioStats().received()).isZero();
    Peer client = resources.use(new Peer());
    int count = 5;
    for (int i = 0; i < count; i++) {
      assertThat(client.exchange("time?", server.localAddress())).startsWith("Thu Aug 17");
    }

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      DatagramBatchStats io = server.ioStats();
      assertThat(io.received()).isEqualTo(count);
      assertThat(io.sent()).isEqualTo(count);
      assertThat(io.batched()).isEqualTo(batched() && DatagramBatch.nativeAvailable());
    });
  }

  @Test
  void clientCollectsAnswersAndNamesTheSilentHosts() throws Exception {
    DaytimeServer live = startServer();
    Peer silent = resources.use(new Peer());
    InetSocketAddress closedPort = freePort();

    DaytimeReport report = new DaytimeClient().query(
        List.of(silent.address(), live.localAddress(), closedPort), Duration.ofMillis(500));

    assertThat(report.answers()).singleElement().satisfies(answer -> {
      assertThat(answer.host()).isEqualTo(live.localAddress());
      assertThat(answer.time()).isEqualTo("Thu Aug 17 04:57:52 2000");
      assertThat(answer.roundTrip()).isPositive();
    });
    assertThat(report.silent()).containsExactly(silent.address(), closedPort);
    assertThat(report.failures()).isEmpty();
    assertThat(report.allAnswered()).isFalse();
    assertThat(silent.receive(5_000)).isEqualTo("What time is it?");
  }

  @Test
  void clientAsksSeveralLiveHostsAtOnce() throws Exception {
    DaytimeServer one = startServer();
    DaytimeServer two = startServer();

    DaytimeReport report = new DaytimeClient().query(
        List.of(one.localAddress(), two.localAddress(), one.localAddress()),
        Duration.ofSeconds(10));

    assertThat(report.answers()).extracting(DaytimeReport.Answer::host)
        .containsExactlyInAnyOrder(one.localAddress(), two.localAddress());
    assertThat(report.allAnswered()).isTrue();
  }

  @Test
  void aSingleHostWithNothingOnItsPortIsReportedUnreachable() throws Exception {
    InetSocketAddress closedPort = freePort();

    DaytimeReport report = new DaytimeClient().query(List.of(closedPort), Duration.ofSeconds(10));

    assertThat(report.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.host()).isEqualTo(closedPort);
      assertThat(failure.error()).isInstanceOf(PortUnreachableException.class);
    });
    assertThat(report.silent()).isEmpty();
    assertThat(report.answers()).isEmpty();
  }

  /** A loopback port with nothing bound to it (just released). */
  static InetSocketAddress freePort() throws Exception {
    try (Peer peer = new Peer()) {
      return peer.address();
    }
  }
}
