package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.netkit.testsupport.CloseAfterEach;
import dev.netkit.server.DatagramBatch;
import dev.netkit.server.DatagramBatchStats;
import dev.netkit.server.ReplyRateConfig;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class ReverseEchoServerIT {

  /** Whether the servers batch their system calls; {@code PlainReverseEchoServerIT} runs these tests without. */
  boolean batched() {
    return true;
  }

  final ReverseEchoServerConfig.Builder base() {
    return ReverseEchoServerConfig.builder().loop(loop().build());
  }

  final DatagramLoopConfig.Builder loop() {
    return DatagramLoopConfig.builder().batched(batched());
  }

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  private InetSocketAddress startServer(ReverseEchoServerConfig config) throws Exception {
    return resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK, config)).start().localAddress();
  }

  @Test
  void reversesPlainAndSequencedRequests() throws Exception {
    InetSocketAddress server = startServer(base().build());
    Peer client = resources.use(new Peer());

    assertThat(client.exchange("hello there", server)).isEqualTo("ereht olleh");
    assertThat(client.exchange("42: the meaning of life", server))
        .isEqualTo("42: efil fo gninaem eht");
    assertThat(client.exchange("héllo", server)).isEqualTo("olléh");
    assertThat(server.getPort()).isPositive();
  }

  @Test
  void keepsServingAfterBadDatagrams() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK,
        base().maxDatagram(100).build())).start();
    Peer client = resources.use(new Peer());

    client.send(new byte[101], server.localAddress());
    client.send(new byte[0], server.localAddress());
    client.send(new byte[] {(byte) 0xff, (byte) 0xfe, '1'}, server.localAddress());
    client.send("99999999999999999999: x", server.localAddress());

    assertThat(client.receiveBytes(5_000)).isEmpty();
    assertThat(client.receiveBytes(5_000)).containsExactly('1', (byte) 0xfe, (byte) 0xff);
    assertThat(client.receive(5_000)).isEqualTo("x :99999999999999999999");
    assertThat(client.exchange("still there?", server.localAddress())).isEqualTo("?ereht llits");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(server.stats()).isEqualTo(new DatagramServerStats(5, 4, 1, 0, 0, 0, 0)));
  }

  @Test
  void keepsServingAfterAClientWentAway() throws Exception {
    InetSocketAddress server = startServer(base().build());
    for (int i = 0; i < 3; i++) {
      Peer gone = new Peer();
      gone.send("bye", server);
      gone.close();
    }
    Peer client = resources.use(new Peer());

    assertThat(client.exchange("anyone?", server)).isEqualTo("?enoyna");
  }

  @Test
  void logsEachRequestAtDebugLevelLikeTheBook() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ReverseEchoServer.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try {
      InetSocketAddress server = startServer(base().build());
      Peer client = resources.use(new Peer());
      client.exchange("hello there", server);

      assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
          .contains("Received 11 bytes from [127.0.0.1," + client.address().getPort() + "]");
    } finally {
      logger.setLevel(before);
      logger.detachAppender(appender);
    }
  }

  @Test
  void flakyModeSendsZeroToThreeRepliesAsTheSeedSays() throws Exception {
    long seed = 2007;
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK,
        base().flaky(true).seed(seed).build())).start();
    Peer client = resources.use(new Peer());
    int requests = 200;
    for (int i = 0; i < requests; i++) {
      client.send(i + ": x", server.localAddress());
    }
    await().atMost(Duration.ofSeconds(10))
        .until(() -> server.stats().received() == requests);

    int[] histogram = expectedCopies(seed, requests);
    long expectedReplies = histogram[1] + 2L * histogram[2] + 3L * histogram[3];
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(server.stats().replies()).isEqualTo(expectedReplies));
    assertThat(java.util.Arrays.stream(histogram).min().getAsInt())
        .as("the book's 0.3 chance per send gives every count").isPositive();
    assertThat(client.drain()).hasSize((int) expectedReplies);
  }

  /** The book's rule as an oracle: 3 sends, each when rand() < 0.3. */
  private static int[] expectedCopies(long seed, int requests) {
    Random random = new Random(seed);
    int[] histogram = new int[4];
    for (int i = 0; i < requests; i++) {
      int copies = 0;
      for (int j = 0; j < 3; j++) {
        copies += random.nextDouble() < 0.3 ? 1 : 0;
      }
      histogram[copies]++;
    }
    return histogram;
  }

  @Test
  void startsOnceAndKnowsItsAddressOnlyWhenStarted() throws Exception {
    ReverseEchoServer server =
        resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK, base().build()));

    assertThatThrownBy(server::localAddress).isInstanceOf(IllegalStateException.class)
        .hasMessage("reverse-echo-server not started");
    server.start();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("reverse-echo-server already started");
    server.close();
    server.close();
    assertThat(server.localAddress().getPort()).isPositive();
  }

  @Test
  void answersABurstFromOneClientInOrder() throws Exception {
    ReverseEchoServer server =
        resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK, base().build())).start();
    Peer client = resources.use(new Peer());
    // Small enough to stay within the default receive buffers: no datagram is lost.
    int count = 100;
    for (int i = 0; i < count; i++) {
      client.send(i + ": abc", server.localAddress());
    }
    for (int i = 0; i < count; i++) {
      assertThat(client.receive(5_000)).isEqualTo(i + ": cba");
    }
    DatagramBatchStats io = server.ioStats();
    assertThat(io.received()).isEqualTo(count);
    assertThat(io.sent()).isEqualTo(count);
    assertThat(io.batched()).isEqualTo(batched() && DatagramBatch.nativeAvailable());
    if (!io.batched()) {
      assertThat(io.receiveCalls()).isEqualTo(count);
    }
  }

  @Test
  void threadsShareOnePortAndAnswerEveryClient() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK,
        base().loop(loop().threads(3).build()).build())).start();
    InetSocketAddress address = server.localAddress();
    for (int i = 0; i < 12; i++) {
      Peer client = resources.use(new Peer());
      String request = "client " + i;
      assertThat(client.exchange(request, address))
          .isEqualTo(new StringBuilder(request).reverse().toString());
    }
    assertThat(server.stats().received()).isEqualTo(12);
    // The port is the server's: a socket without SO_REUSEPORT cannot join it.
    try (DatagramChannel intruder = DatagramChannel.open()) {
      assertThatThrownBy(() -> intruder.bind(address)).isInstanceOf(BindException.class);
    }
  }

  /**
   * With SO_REUSEPORT the kernel spreads one address's source ports over the sockets; the reply
   * budget is the server's, not each socket's (before, 4 sockets gave such a peer 4 budgets).
   */
  @Test
  void threadsShareOneReplyBudgetPerSourceAddress() throws Exception {
    int burst = 5;
    int clients = 40;
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK,
        base().loop(loop().threads(4).replyRate(ReplyRateConfig.builder().datagramsPerSecond(1)
            .burst(Duration.ofSeconds(burst)).build()).build()).build())).start();
    InetSocketAddress address = server.localAddress();
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      resources.use(new Peer()).send("request " + i, address);
    }
    await().atMost(Duration.ofSeconds(30))
        .until(() -> server.stats().replies() + server.stats().repliesRateLimited() == clients);
    long refillSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;

    assertThat(server.stats().replies()).isBetween(1L, burst + refillSeconds);
    assertThat(server.stats().repliesRateLimited()).isGreaterThan(0);
  }
}
