package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.testsupport.CloseAfterEach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proof of the sequenced client: 1,000 requests through a proxy that loses 30% of the
 * datagrams, duplicates 10% and reorders 10%, both ways.
 */
class SequencedClientUnderFaultsIT {

  private static final int REQUESTS = 1_000;

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  @Test
  void everyAnswerIsRightAndEveryOtherRequestIsGivenUp() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    FaultyProxy proxy = resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, server.localAddress(),
        FaultyProxyConfig.builder().loss(0.3).duplicate(0.1).reorder(0.1)
            .seed(20_070_018).build())).start();
    RecordingListener listener = new RecordingListener();
    RtoConfig rto = RtoConfig.builder().initial(Duration.ofSeconds(1))
        .min(Duration.ofMillis(10)).max(Duration.ofSeconds(2)).build();
    SequencedClient client = resources.use(SequencedClient.open(proxy.localAddress(),
        SequencedClientConfig.builder().window(32).rto(rto).build(), listener));

    List<CompletableFuture<String>> replies = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      replies.add(client.request(request(i)));
    }
    int answered = 0;
    int givenUp = 0;
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      try {
        String reply = replies.get(i).get(60, TimeUnit.SECONDS);
        answered++;
        if (!reply.equals(new StringBuilder(request(i)).reverse().toString())) {
          mismatches.add(i + ": " + reply);
        }
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(RequestGivenUpException.class);
        assertThat(((RequestGivenUpException) e.getCause()).tries()).isEqualTo(5);
        givenUp++;
      }
    }
    client.close(); // Late duplicates stop arriving: counters and listener lines agree.

    SequencedClientStats stats = client.stats();
    assertThat(mismatches).isEmpty();
    assertThat(answered + givenUp).isEqualTo(REQUESTS);
    assertThat(stats.answered()).isEqualTo(answered);
    assertThat(stats.givenUp()).isEqualTo(givenUp);
    assertThat(stats.sent()).isEqualTo(REQUESTS);
    assertThat(stats.retransmitted()).isPositive();
    assertThat(stats.duplicates()).isPositive();
    assertThat(listener.lines).filteredOn(line -> line.startsWith("Discarding duplicate"))
        .hasSize((int) stats.duplicates());
    assertThat(listener.lines).filteredOn(line -> line.endsWith("Giving up.")).hasSize(givenUp);
    assertThat(stats.outOfOrder()).isPositive();
    assertThat(stats.rto()).as("the RTO adapted from the initial 1 s")
        .isLessThan(Duration.ofSeconds(1));
    assertThat(stats.rttSamples()).isPositive().isLessThan(answered);
    FaultyProxyStats faults = proxy.stats();
    assertThat(faults.dropped()).isPositive();
    assertThat(faults.duplicated()).isPositive();
    assertThat(faults.reordered()).isPositive();
    System.out.printf("1000 requests at 30%% loss: answered %d, given up %d, %s, %s%n",
        answered, givenUp, stats, faults);
  }

  private static String request(int i) {
    return "request " + i + " of " + REQUESTS + ": the meaning of life";
  }
}
