package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.testsupport.CloseAfterEach;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultyProxyIT {

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  private FaultyProxy proxyToEchoServer(FaultyProxyConfig config) throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    return resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, server.localAddress(), config)).start();
  }

  @Test
  void relaysBothWaysForEveryClientWithoutFaults() throws Exception {
    FaultyProxy proxy = proxyToEchoServer(FaultyProxyConfig.defaults());
    Peer one = resources.use(new Peer());
    Peer two = resources.use(new Peer());

    assertThat(one.exchange("hello there", proxy.localAddress())).isEqualTo("ereht olleh");
    assertThat(two.exchange("1: ab", proxy.localAddress())).isEqualTo("1: ba");
    assertThat(one.lastSender()).isEqualTo(proxy.localAddress());
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(proxy.stats()).isEqualTo(new FaultyProxyStats(4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
  }

  @Test
  void dropsEverythingAtLossOne() throws Exception {
    FaultyProxy proxy = proxyToEchoServer(FaultyProxyConfig.builder().loss(1).build());
    EchoClient client = resources.use(EchoClient.open(proxy.localAddress(),
        EchoClientConfig.builder().timeout(Duration.ofMillis(100)).tries(2).build()));

    assertThatThrownBy(() -> client.request("lost")).isInstanceOf(SocketTimeoutException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().dropped() == 2);
    assertThat(proxy.stats().forwarded()).isZero();
  }

  @Test
  void duplicatesBothWaysAtDuplicateOne() throws Exception {
    FaultyProxy proxy = proxyToEchoServer(FaultyProxyConfig.builder().duplicate(1).build());
    Peer client = resources.use(new Peer());

    client.send("twice", proxy.localAddress());

    for (int i = 0; i < 4; i++) {
      assertThat(client.receive(5_000)).as("copy " + i).isEqualTo("eciwt");
    }
    assertThat(proxy.stats().duplicated()).isEqualTo(3);
  }

  @Test
  void reordersDatagramsItHoldsBack() throws Exception {
    FaultyProxy proxy = proxyToEchoServer(FaultyProxyConfig.builder().reorder(0.5)
        .reorderDelay(Duration.ofMillis(300)).seed(3).build());
    Peer client = resources.use(new Peer());
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sent.add(i + ": x");
      client.send(sent.get(i), proxy.localAddress());
    }

    List<String> received = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      received.add(client.receive(5_000));
    }

    assertThat(received).containsExactlyInAnyOrderElementsOf(sent).isNotEqualTo(sent);
    assertThat(proxy.stats().reordered()).isPositive();
  }

  @Test
  void delaysEveryDatagram() throws Exception {
    FaultyProxy proxy = proxyToEchoServer(FaultyProxyConfig.builder()
        .delay(Duration.ofMillis(100)).build());
    Peer client = resources.use(new Peer());

    client.send("slow", proxy.localAddress());

    assertThat(client.receive(20)).as("held back by the delay").isNull();
    assertThat(client.receive(5_000)).isEqualTo("wols");
  }

  @Test
  void theSameSeedMakesTheSameChoices() throws Exception {
    FaultyProxyConfig config = FaultyProxyConfig.builder().loss(0.5).seed(42).build();
    long[] dropped = new long[2];
    for (int run = 0; run < 2; run++) {
      Peer target = resources.use(new Peer());
      FaultyProxy proxy =
          resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, target.address(), config)).start();
      Peer client = resources.use(new Peer());
      for (int i = 0; i < 50; i++) {
        client.send("d" + i, proxy.localAddress());
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == 50);
      dropped[run] = proxy.stats().dropped();
      assertThat(target.drain()).hasSize((int) (50 - dropped[run]));
    }

    assertThat(dropped[0]).isEqualTo(dropped[1]).isBetween(10L, 40L);
  }

  @Test
  void forgetsTheLeastRecentClientBeyondTheLimit() throws Exception {
    FaultyProxy proxy = proxyToEchoServer(FaultyProxyConfig.builder()
        .reorderDelay(Duration.ZERO).maxClients(1).maxQueued(10).build());
    Peer one = resources.use(new Peer());
    Peer two = resources.use(new Peer());

    assertThat(one.exchange("a1", proxy.localAddress())).isEqualTo("1a");
    assertThat(two.exchange("b2", proxy.localAddress())).isEqualTo("2b");
    assertThat(one.exchange("c3", proxy.localAddress())).isEqualTo("3c");
  }

  @Test
  void oneAddressCannotTakeEveryClientSlot() throws Exception {
    Peer target = resources.use(new Peer());
    FaultyProxy proxy = resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, target.address(),
        FaultyProxyConfig.builder().maxClients(4).maxClientsPerAddress(2).build())).start();
    Peer other = resources.use(new Peer(new InetSocketAddress("127.0.0.2", 0)));
    other.send("first", proxy.localAddress());
    assertThat(target.receive(5_000)).isEqualTo("first");
    Object otherUpstream = target.lastSender();

    // Many ports of one address: each new one evicts that address's least recent client only.
    for (int i = 0; i < 10; i++) {
      Peer churn = resources.use(new Peer());
      churn.send("c" + i, proxy.localAddress());
      assertThat(target.receive(5_000)).isEqualTo("c" + i);
    }
    other.send("again", proxy.localAddress());

    assertThat(target.receive(5_000)).isEqualTo("again");
    assertThat(target.lastSender()).as("the other address kept its upstream socket")
        .isEqualTo(otherUpstream);
  }

  @Test
  void boundsTheDelayQueueByBytes() throws Exception {
    Peer target = resources.use(new Peer());
    FaultyProxy proxy = resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, target.address(),
        FaultyProxyConfig.builder().delay(Duration.ofMinutes(1)).maxQueuedBytes(100_000)
            .maxQueuedBytesPerAddress(100_000).build())).start();
    Peer client = resources.use(new Peer());

    for (int i = 1; i <= 10; i++) {
      client.send(new byte[30_000], proxy.localAddress());
      long sent = i;
      // One at a time: a burst would overflow the receive buffer instead of the queue.
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == sent);
    }

    assertThat(proxy.stats().overflow()).as("copies beyond 100,000 queued bytes").isEqualTo(7);
  }

  @Test
  void refusesToRelayToItself() {
    InetSocketAddress itself = new InetSocketAddress("127.0.0.1", 40_007);

    assertThatThrownBy(() -> new FaultyProxy(itself, itself, FaultyProxyConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the proxy's own listening address");
    assertThatThrownBy(() -> new FaultyProxy(new InetSocketAddress(40_007), itself,
        FaultyProxyConfig.defaults())).isInstanceOf(IllegalArgumentException.class);
  }
}
