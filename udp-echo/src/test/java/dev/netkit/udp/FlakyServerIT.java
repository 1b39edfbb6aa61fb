package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The book's "unreliable server" scenario: the server sends each reply 0-3 times, and the
 * sequenced client still pairs every answer with its request.
 */
class FlakyServerIT {

  @Test
  void sequencedClientPairsEveryAnswerWithItsRequest() throws Exception {
    RecordingListener listener = new RecordingListener();
    List<String> lines = List.of("hello there", "this is unreliable communications",
        "but it works anyway");
    try (ReverseEchoServer server = new ReverseEchoServer(Peer.ANY_LOOPBACK,
        ReverseEchoServerConfig.builder().flaky(true).seed(1).build()).start();
        SequencedClient client = SequencedClient.open(server.localAddress(),
            SequencedClientConfig.builder().window(8).rto(SequencedClientIT.QUICK_RTO).build(),
            listener)) {
      List<String> requests = new ArrayList<>();
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        requests.add(lines.get(i % lines.size()) + " #" + i);
        replies.add(client.request(requests.get(i)));
      }

      int answered = 0;
      for (int i = 0; i < replies.size(); i++) {
        try {
          assertThat(replies.get(i).get(30, TimeUnit.SECONDS))
              .isEqualTo(new StringBuilder(requests.get(i)).reverse().toString());
          answered++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(RequestGivenUpException.class);
        }
      }

      SequencedClientStats stats = client.stats();
      assertThat(answered).isGreaterThan(90);
      assertThat(stats.answered() + stats.givenUp()).isEqualTo(100);
      assertThat(stats.retransmitted()).isPositive();
      assertThat(stats.duplicates()).isPositive();
      assertThat(listener.lines).anyMatch(line -> line.matches("\\d+: retrying\\.\\.\\. .*"))
          .anyMatch(line -> line.matches("Discarding duplicate message seqno = \\d+"));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(server.stats().received())
              .isEqualTo(stats.sent() + stats.retransmitted()));
    }
  }
}
