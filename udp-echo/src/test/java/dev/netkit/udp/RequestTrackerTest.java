package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The sequenced client's bookkeeping without sockets: a recording wire and a made-up clock. */
class RequestTrackerTest {

  private static final long MS = 1_000_000L;
  private static final InetSocketAddress SERVER =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 2007);
  private static final RtoConfig RTO = RtoConfig.builder().initial(Duration.ofMillis(100))
      .min(Duration.ofMillis(10)).max(Duration.ofSeconds(1)).build();

  private final List<String> sent = new ArrayList<>();
  private final RecordingListener listener = new RecordingListener();

  private RequestTracker tracker(SequencedClientConfig.Builder config) {
    return new RequestTracker(config.rto(RTO).build(), SERVER, listener,
        (sequence, datagram) -> sent.add(new String(datagram, StandardCharsets.UTF_8)));
  }

  private static CompletableFuture<String> start(RequestTracker tracker, String payload,
      long now) {
    CompletableFuture<String> future = new CompletableFuture<>();
    tracker.start(payload, future, now);
    return future;
  }

  @Test
  void numbersRequestsAndMatchesRepliesByNumber() throws Exception {
    RequestTracker tracker = tracker(SequencedClientConfig.builder());
    CompletableFuture<String> first = start(tracker, "hello", 0);
    CompletableFuture<String> second = start(tracker, "world", 0);

    tracker.reply("1: dlrow", 30 * MS);
    tracker.reply("0: olleh", 40 * MS);

    assertThat(sent).containsExactly("0: hello", "1: world");
    assertThat(first.get()).isEqualTo("olleh");
    assertThat(second.get()).isEqualTo("dlrow");
    assertThat(listener.lines).containsExactly("Out of order message seqno = 0");
    SequencedClientStats stats = tracker.stats();
    assertThat(stats.sent()).isEqualTo(2);
    assertThat(stats.answered()).isEqualTo(2);
    assertThat(stats.outOfOrder()).isEqualTo(1);
    assertThat(stats.rttSamples()).isEqualTo(2);
    assertThat(stats.rttMax()).isEqualTo(Duration.ofMillis(40));
    assertThat(tracker.nextDeadline()).isEmpty();
  }

  @Test
  void retransmitsWithBackoffAndGivesUpAfterTheLastTry() {
    RequestTracker tracker = tracker(SequencedClientConfig.builder().maxTries(3));
    CompletableFuture<String> future = start(tracker, "anyone?", 0);

    assertThat(tracker.nextDeadline()).hasValue(100 * MS);
    tracker.expire(99 * MS);
    assertThat(sent).hasSize(1);
    tracker.expire(100 * MS);
    assertThat(tracker.nextDeadline()).hasValue(300 * MS);
    tracker.expire(300 * MS);
    assertThat(tracker.nextDeadline()).hasValue(700 * MS);
    tracker.expire(700 * MS);

    assertThat(sent).containsExactly("0: anyone?", "0: anyone?", "0: anyone?");
    assertThat(future).isCompletedExceptionally();
    assertThat(future.handle((reply, error) -> error)).isCompletedWithValueMatching(
        error -> error instanceof RequestGivenUpException given && given.tries() == 3);
    assertThat(listener.lines).containsExactly("0: retrying... (try 2)",
        "0: retrying... (try 3)", "0: too many retries (3). Giving up.");
    assertThat(tracker.stats().retransmitted()).isEqualTo(2);
    assertThat(tracker.stats().givenUp()).isEqualTo(1);
    assertThat(tracker.nextDeadline()).isEmpty();
  }

  @Test
  void takesNoRoundTripSampleFromARetransmittedRequest() throws Exception {
    RequestTracker tracker = tracker(SequencedClientConfig.builder());
    CompletableFuture<String> future = start(tracker, "slow", 0);
    tracker.expire(100 * MS);

    tracker.reply("0: wols", 150 * MS);

    assertThat(future.get()).isEqualTo("wols");
    assertThat(tracker.stats().rttSamples()).isZero();
    assertThat(tracker.estimator().srtt()).isEmpty();
  }

  @Test
  void countsDuplicatesAndMalformedReplies() {
    RequestTracker tracker = tracker(SequencedClientConfig.builder());
    start(tracker, "once", 0);

    tracker.reply("0: ecno", MS);
    tracker.reply("0: ecno", 2 * MS);
    tracker.reply("no number", 3 * MS);
    tracker.sendFailed();

    SequencedClientStats stats = tracker.stats();
    assertThat(stats.duplicates()).isEqualTo(1);
    assertThat(stats.malformed()).isEqualTo(1);
    assertThat(stats.sendErrors()).isEqualTo(1);
    assertThat(listener.lines).containsExactly("Discarding duplicate message seqno = 0",
        "Malformed: no number");
  }

  @Test
  void keepsTheWindowAndSkipsPendingNumbersAfterWrapAround() {
    RequestTracker tracker = tracker(
        SequencedClientConfig.builder().window(2).sequenceSpace(4).firstSequence(3));
    start(tracker, "a", 0);
    start(tracker, "b", 0);
    assertThat(tracker.hasRoom()).isFalse();

    tracker.reply("0: b", MS);
    start(tracker, "c", MS);
    tracker.reply("1: c", 2 * MS);
    start(tracker, "d", 2 * MS);

    assertThat(sent).containsExactly("3: a", "0: b", "1: c", "2: d");
  }

  @Test
  void failsEveryPendingRequest() {
    RequestTracker tracker = tracker(SequencedClientConfig.builder());
    CompletableFuture<String> future = start(tracker, "left", 0);

    tracker.failAll(IllegalStateException::new);

    assertThat(future).isCompletedExceptionally();
    assertThat(tracker.nextDeadline()).isEmpty();
    assertThat(future).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
  }
}
