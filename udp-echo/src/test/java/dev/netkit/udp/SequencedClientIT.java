package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.testsupport.CloseAfterEach;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SequencedClientIT {

  /** Quick timers for loopback: first timeout 50 ms, never below 10 ms. */
  static final RtoConfig QUICK_RTO =
      RtoConfig.builder().initial(Duration.ofMillis(50))
          .min(Duration.ofMillis(10)).max(Duration.ofSeconds(2)).build();

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();
  private final RecordingListener listener = new RecordingListener();

  private SequencedClient open(InetSocketAddress server, SequencedClientConfig config)
      throws Exception {
    return resources.use(SequencedClient.open(server, config, listener));
  }

  private static String reversed(String text) {
    return new StringBuilder(text).reverse().toString();
  }

  @Test
  void answersEveryRequestWithItsOwnReply() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    SequencedClient client = open(server.localAddress(),
        SequencedClientConfig.builder().window(16).build());
    List<String> requests = new ArrayList<>();
    List<CompletableFuture<String>> replies = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      requests.add("request number " + i + " héllo");
      replies.add(client.request(requests.get(i)));
    }

    for (int i = 0; i < requests.size(); i++) {
      assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(reversed(requests.get(i)));
    }
    SequencedClientStats stats = client.stats();
    assertThat(stats.sent()).isEqualTo(300);
    assertThat(stats.answered()).isEqualTo(300);
    assertThat(stats.rttSamples()).isEqualTo(300 - stats.retransmitted());
    assertThat(stats.rttP50()).isPositive().isLessThanOrEqualTo(stats.rttP99());
    assertThat(stats.rttP99()).isLessThanOrEqualTo(stats.rttMax());
    assertThat(stats.srtt()).isPositive();
  }

  @Test
  void sequenceNumbersWrapAroundWithoutMixingUpReplies() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    SequencedClient client = open(server.localAddress(),
        SequencedClientConfig.builder().window(4).sequenceSpace(8).firstSequence(5).build());
    List<CompletableFuture<String>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(client.request("payload " + i));
    }

    for (int i = 0; i < 100; i++) {
      assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(reversed("payload " + i));
    }
  }

  @Test
  void keepsAtMostAWindowOfRequestsInFlight() throws Exception {
    Peer silent = resources.use(new Peer());
    SequencedClient client = open(silent.address(), SequencedClientConfig.builder()
        .window(4).rto(RtoConfig.builder().initial(Duration.ofSeconds(30)).build()).build());
    for (int i = 0; i < 10; i++) {
      client.request("r" + i);
    }

    List<String> firstSends = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      firstSends.add(silent.receive(5_000));
    }
    assertThat(firstSends).containsExactly("0: r0", "1: r1", "2: r2", "3: r3");
    assertThat(client.stats().sent()).isEqualTo(4);
  }

  @Test
  void givesUpAfterTheLastTryWithAClearException() throws Exception {
    Peer silent = resources.use(new Peer());
    SequencedClient client = open(silent.address(), SequencedClientConfig.builder()
        .maxTries(3).rto(QUICK_RTO).build());

    CompletableFuture<String> reply = client.request("anyone home?");

    assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(RequestGivenUpException.class)
        .hasMessage("request 0 to " + silent.address() + ": no reply after 3 tries");
    assertThat(silent.drain()).containsExactly("0: anyone home?", "0: anyone home?",
        "0: anyone home?");
    assertThat(listener.lines).containsExactly("0: retrying... (try 2)",
        "0: retrying... (try 3)", "0: too many retries (3). Giving up.");
    SequencedClientStats stats = client.stats();
    assertThat(stats.givenUp()).isEqualTo(1);
    assertThat(stats.retransmitted()).isEqualTo(2);
    assertThat(stats.rttSamples()).isZero();
  }

  @Test
  void discardsDuplicatesAndMalformedRepliesAndNoticesOutOfOrderOnes() throws Exception {
    Peer server = resources.use(new Peer());
    SequencedClient client = open(server.address(), SequencedClientConfig.defaults());
    CompletableFuture<String> first = client.request("first");
    CompletableFuture<String> second = client.request("second");
    assertThat(server.receive(5_000)).isEqualTo("0: first");
    assertThat(server.receive(5_000)).isEqualTo("1: second");

    server.send("1: dnoces", server.lastSender());
    server.send("garbage", server.lastSender());
    server.send("0: tsrif", server.lastSender());
    server.send("0: tsrif", server.lastSender());

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("tsrif");
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("dnoces");
    await().atMost(Duration.ofSeconds(5)).until(() -> client.stats().duplicates() == 1);
    assertThat(listener.lines).containsExactly("Malformed: garbage",
        "Out of order message seqno = 0", "Discarding duplicate message seqno = 0");
    SequencedClientStats stats = client.stats();
    assertThat(stats.outOfOrder()).isEqualTo(1);
    assertThat(stats.malformed()).isEqualTo(1);
    assertThat(stats.answered()).isEqualTo(2);
  }

  @Test
  void queuesUpToTheLimitAndRejectsTheRest() throws Exception {
    Peer silent = resources.use(new Peer());
    SequencedClient client = open(silent.address(), SequencedClientConfig.builder()
        .window(1).maxQueued(2)
        .rto(RtoConfig.builder().initial(Duration.ofSeconds(30)).build()).build());
    client.request("in flight");
    await().atMost(Duration.ofSeconds(5)).until(() -> client.stats().sent() == 1);
    client.request("queued 1");
    client.request("queued 2");

    CompletableFuture<String> rejected = client.request("one too many");

    assertThatThrownBy(() -> rejected.getNow(null))
        .cause().isInstanceOf(RejectedExecutionException.class)
        .hasMessage("queued requests : 3 (limit: 2)");
  }

  @Test
  void closeFailsWhatIsPendingAndLaterRequests() throws Exception {
    Peer silent = resources.use(new Peer());
    SequencedClient client = open(silent.address(), SequencedClientConfig.builder()
        .rto(RtoConfig.builder().initial(Duration.ofSeconds(30)).build()).build());
    CompletableFuture<String> pending = client.request("waiting");
    assertThat(silent.receive(5_000)).isEqualTo("0: waiting");

    client.close();

    assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
        .cause().isInstanceOf(AsynchronousCloseException.class);
    assertThatThrownBy(() -> client.request("late").getNow(null))
        .cause().isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void refusesRequestsThatCannotFitADatagram() throws Exception {
    SequencedClient client = open(DaytimeIT.freePort(), SequencedClientConfig.defaults());

    assertThatThrownBy(() -> client.request("x".repeat(4980)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request length : 5001 (limit: 5000, with up to 21 bytes of sequence number)");
  }
}
