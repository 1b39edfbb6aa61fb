package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.server.ReplyRateConfig;
import dev.netkit.testsupport.CloseAfterEach;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DESIGN.md "Hostile peers" for udp-proxy: one host flooding the proxy used to fill the whole
 * delay queue, so that every other client's delayed datagrams overflowed (the queue is now
 * shared out per IP address, in both directions); and with {@code --dup} the proxy sent a client
 * twice what the target answered, without a budget (what goes to one address is now within a
 * {@link ReplyRateConfig}). Hosts are 127.0.0.x addresses.
 */
class FaultyProxyHostilePeersIT {

  /** Long enough that the flood is still queued when the other host's datagram comes. */
  private static final Duration DELAY = Duration.ofSeconds(2);

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  private Peer host(int lastByte) throws IOException {
    return resources.use(new Peer(new InetSocketAddress("127.0.0." + lastByte, 0)));
  }

  private FaultyProxy proxy(SocketAddress target, FaultyProxyConfig config) throws IOException {
    return resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, (InetSocketAddress) target, config))
        .start();
  }

  /** Receives datagrams until one equals {@code wanted} (returned among the others) or none comes. */
  private static List<byte[]> receiveUntil(Peer peer, byte[] wanted) throws IOException {
    List<byte[]> received = new ArrayList<>();
    for (byte[] next = peer.receiveBytes(10_000); next != null;
        next = peer.receiveBytes(10_000)) {
      received.add(next);
      if (Arrays.equals(next, wanted)) {
        break;
      }
    }
    return received;
  }

  private static boolean contains(List<byte[]> datagrams, byte[] wanted) {
    return datagrams.stream().anyMatch(datagram -> Arrays.equals(datagram, wanted));
  }

  @Test
  void oneHostFloodingTheDelayQueueLeavesRoomForAnother() throws Exception {
    Peer target = resources.use(new Peer());
    FaultyProxy proxy = proxy(target.address(),
        FaultyProxyConfig.builder().delay(DELAY).maxQueued(20).build());
    Peer flooder = host(2);
    Peer other = host(3);

    for (int i = 0; i < 40; i++) {
      flooder.send("flood " + i, proxy.localAddress());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == 40);
    byte[] wanted = "other host".getBytes(StandardCharsets.UTF_8);
    other.send(wanted, proxy.localAddress());

    List<byte[]> atTarget = receiveUntil(target, wanted);
    System.out.println("udp-proxy after a flood of 40 and one other datagram: " + proxy.stats());
    assertThat(contains(atTarget, wanted)).as("the other host's datagram reached the target")
        .isTrue();
    assertThat(proxy.stats().overflow()).as("the flood beyond a quarter of the queue")
        .isEqualTo(35);
  }

  @Test
  void oneHostFloodingTheQueuedBytesLeavesRoomForAnother() throws Exception {
    Peer target = resources.use(new Peer());
    FaultyProxy proxy = proxy(target.address(),
        FaultyProxyConfig.builder().delay(DELAY).maxQueuedBytes(100_000).build());
    Peer flooder = host(2);
    Peer other = host(3);

    for (int i = 1; i <= 10; i++) {
      flooder.send(new byte[10_000], proxy.localAddress());
      long sent = i;
      // One at a time: a burst could overflow the receive buffer instead of the queue.
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == sent);
    }
    byte[] wanted = new byte[10_000];
    Arrays.fill(wanted, (byte) 'o');
    other.send(wanted, proxy.localAddress());

    List<byte[]> atTarget = receiveUntil(target, wanted);
    assertThat(contains(atTarget, wanted)).as("the other host's datagram reached the target")
        .isTrue();
    assertThat(proxy.stats().overflow()).as("the flood beyond 25,000 queued bytes").isEqualTo(8);
  }

  @Test
  void aTargetFloodingOneClientLeavesRoomForAnother() throws Exception {
    Peer target = resources.use(new Peer());
    FaultyProxy proxy = proxy(target.address(),
        FaultyProxyConfig.builder().delay(DELAY).maxQueued(20).build());
    Peer flooded = host(2);
    Peer other = host(3);
    flooded.send("hello", proxy.localAddress());
    assertThat(target.receive(10_000)).isEqualTo("hello");
    SocketAddress floodedUpstream = target.lastSender();

    for (int i = 0; i < 40; i++) {
      target.send("reply " + i, floodedUpstream);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == 41);
    byte[] wanted = "other host".getBytes(StandardCharsets.UTF_8);
    other.send(wanted, proxy.localAddress());

    assertThat(contains(receiveUntil(target, wanted), wanted))
        .as("the other host's datagram reached the target").isTrue();
    assertThat(proxy.stats().overflow()).as("the replies beyond a quarter of the queue")
        .isEqualTo(35);
  }

  @Test
  void aForgottenClientsQueuedDatagramsGiveTheirRoomBack() throws Exception {
    Peer target = resources.use(new Peer());
    FaultyProxy proxy = proxy(target.address(), FaultyProxyConfig.builder()
        .delay(Duration.ofMinutes(1)).maxClients(1).maxQueued(2).build());

    // Each new client makes the proxy forget the one before, whose copy could never go now.
    for (int i = 2; i <= 6; i++) {
      host(i).send("from 127.0.0." + i, proxy.localAddress());
      long sent = i - 1;
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == sent);
    }

    assertThat(proxy.stats().overflow()).as("room for each new client's copy").isZero();
  }

  @Test
  void duplicatedRepliesToOneAddressStayWithinItsBudget() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    ReplyRateConfig budget = ReplyRateConfig.builder().datagramsPerSecond(1)
        .burst(Duration.ofSeconds(5)).build();
    FaultyProxy proxy = proxy(server.localAddress(),
        FaultyProxyConfig.builder().duplicate(1).replyRate(budget).build());
    Peer client = host(2);
    int requests = 50;

    for (int i = 0; i < requests; i++) {
      client.send(i + ": amplified?", proxy.localAddress());
    }
    // Every copy accounted for: two per request to the target, two per reply to the client.
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      FaultyProxyStats stats = proxy.stats();
      return stats.forwarded() + stats.repliesRateLimited() == 2 * requests + 4 * requests;
    });

    List<String> replies = client.drain();
    System.out.println("udp-proxy --dup 1 with a budget of 5 at once: " + replies.size()
        + " replies to " + requests + " requests, " + proxy.stats());
    assertThat(replies).as("the budget's burst of 5 and a few more as it refills")
        .hasSizeLessThanOrEqualTo(10);
    assertThat(proxy.stats().repliesRateLimited()).isEqualTo(4L * requests - replies.size());
  }
}
