package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@RequiresNativeLibrary
@Timeout(60)
class UrgentWatcherIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  private final List<UrgentRead> events = new CopyOnWriteArrayList<>();

  /** The book's figure 17.3 transcript, with the watcher in place of the SIGURG handler. */
  @Test
  void bookTranscriptOutOfBand() throws Exception {
    try (TestPair pair = TestPair.sockets(0);
        UrgentWatcher watcher = pair.receiver().watch(events::add)) {
      StringBuffer normal = new StringBuffer();
      Thread reader = startReader(pair, normal);

      sendAndAwait(pair, normal, "aa", "ab");
      pair.sender().sendUrgent((byte) '!');
      await().atMost(WAIT).until(() -> events.size() == 1);
      sendAndAwait(pair, normal, "ac", "ad", "ae");
      pair.sender().sendUrgent((byte) '!');
      await().atMost(WAIT).until(() -> events.size() == 2);
      sendAndAwait(pair, normal, "af");
      pair.finishSending();
      reader.join(WAIT.toMillis());

      assertThat(normal).hasToString("aaabacadaeaf");
      assertThat(events).containsExactly(UrgentRead.received((byte) '!'),
          UrgentRead.received((byte) '!'));
      assertThat(watcher.isRunning()).isTrue();
    }
  }

  /** Figure 17.3 with SO_OOBINLINE: each urgent byte is reported once, and read as data. */
  @Test
  void bookTranscriptInline() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      pair.receiver().setInline(true);
      try (UrgentWatcher watcher = pair.receiver().watch(events::add)) {
        StringBuffer normal = new StringBuffer();
        Thread reader = startReader(pair, normal);

        sendAndAwait(pair, normal, "aa", "ab");
        pair.sender().sendUrgent((byte) '!');
        await().atMost(WAIT).until(() -> normal.toString().equals("aaab!"));
        sendAndAwait(pair, normal, "ac");
        pair.sender().sendUrgent((byte) '!');
        await().atMost(WAIT).until(() -> normal.toString().equals("aaab!ac!"));
        sendAndAwait(pair, normal, "ad");
        pair.finishSending();
        reader.join(WAIT.toMillis());

        assertThat(normal).hasToString("aaab!ac!ad");
        await().atMost(WAIT).until(() -> events.size() == 2);
        assertThat(events).containsOnly(UrgentRead.INLINE);
        assertThat(watcher.failure()).isEmpty();
      }
    }
  }

  @Test
  void urgentDataThatArrivedBeforeTheWatcherStartedIsReported() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      pair.send("early");
      pair.sender().sendUrgent((byte) 'U');
      pair.finishSending();
      UrgentSocketContract.awaitAllArrived(pair);

      try (UrgentWatcher watcher = pair.receiver().watch(events::add)) {
        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(events).containsExactly(UrgentRead.received((byte) 'U'));
      }
    }
  }

  /**
   * Inline urgent data keeps POLLPRI set until the program reads it. With a one-minute rearm
   * interval, a watcher that did not spin has polled exactly twice meanwhile: the wait that saw
   * POLLPRI, and one sample.
   */
  @Test
  void lastingUrgentConditionIsSampledNotSpunOn() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      pair.receiver().setInline(true);
      pair.send("data");
      pair.sender().sendUrgent((byte) '!');
      UrgentWatcher watcher = new UrgentWatcher(pair.receiver(), events::add, ONE_MINUTE,
          ONE_MINUTE).start();
      try (watcher) {
        await().atMost(WAIT).until(() -> events.size() == 1);
        await().during(Duration.ofMillis(300)).atMost(WAIT)
            .until(() -> watcher.polls() == 2 && events.size() == 1);
        pair.finishSending();
        assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("data!");
      }
    }
  }

  @Test
  void outOfBandReadRearmsTheWatcherAtOnce() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      UrgentWatcher watcher = new UrgentWatcher(pair.receiver(), events::add, ONE_MINUTE,
          ONE_MINUTE).start();
      try (watcher) {
        for (int i = 1; i <= 3; i++) {
          pair.sender().sendUrgent((byte) ('0' + i));
          int expected = i;
          await().atMost(WAIT).until(() -> events.size() == expected);
        }
        assertThat(events).extracting(UrgentRead::data)
            .containsExactly((byte) '1', (byte) '2', (byte) '3');
      }
    }
  }

  @Test
  void closeStopsTheWatcherAndLeavesTheSocketOpen() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      UrgentWatcher watcher = new UrgentWatcher(pair.receiver(), events::add, ONE_MINUTE,
          ONE_MINUTE).start();
      assertThat(watcher.isRunning()).isTrue();

      watcher.close();

      assertThat(watcher.isRunning()).isFalse();
      assertThat(watcher.failure()).isEmpty();
      watcher.close();
      pair.sender().sendUrgent((byte) '!');
      await().atMost(WAIT).until(() -> pair.receiver().readUrgent().isReceived());
      assertThat(events).isEmpty();
    }
  }

  @Test
  void closingTheSocketStopsTheWatcherAndReleasesTheConnection() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      UrgentWatcher watcher = pair.receiver().watch(events::add);

      pair.closeReceiver();

      await().atMost(WAIT).until(() -> !watcher.isRunning());
      assertThat(watcher.failure()).isEmpty();
      assertThat(pair.readAtSender(new byte[1])).isEqualTo(-1);
    }
  }

  @Test
  void hangUpStopsTheWatcher() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      UrgentWatcher watcher = pair.receiver().watch(events::add);

      pair.closeSender();
      pair.readAll();
      pair.receiverShutdownOutput();

      await().atMost(WAIT).until(() -> !watcher.isRunning());
      assertThat(watcher.failure()).isEmpty();
    }
  }

  @Test
  void failingListenerDoesNotStopTheWatcher() throws Exception {
    try (TestPair pair = TestPair.sockets(0);
        UrgentWatcher watcher = pair.receiver().watch(read -> {
          events.add(read);
          throw new IllegalStateException("listener bug");
        })) {
      pair.sender().sendUrgent((byte) '1');
      await().atMost(WAIT).until(() -> events.size() == 1);
      pair.sender().sendUrgent((byte) '2');
      await().atMost(WAIT).until(() -> events.size() == 2);
      assertThat(watcher.isRunning()).isTrue();
    }
  }

  @Test
  void listenerCanDiscardToTheMark() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      List<String> discarded = new CopyOnWriteArrayList<>();
      UrgentSocket receiver = pair.receiver();
      try (UrgentWatcher watcher = receiver.watch(read -> {
        try {
          discarded.add(new String(receiver.discardToMark(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })) {
        pair.send("runaway output");
        pair.sender().sendUrgent((byte) '!');
        pair.send("prompt> ");
        pair.finishSending();

        await().atMost(WAIT).until(() -> discarded.size() == 1);
        assertThat(discarded).containsExactly("runaway output");
        assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("prompt> ");
      }
    }
  }

  /** The book's read resumes only after the SIGURG handler; so does UrgentSocket.read. */
  @Test
  void readAtTheMarkWaitsUntilTheListenerReturns() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (TestPair pair = TestPair.sockets(0);
        UrgentWatcher watcher = pair.receiver().watch(read -> {
          events.add(read);
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })) {
      StringBuffer normal = new StringBuffer();
      Thread reader = startReader(pair, normal);
      sendAndAwait(pair, normal, "before");

      pair.sender().sendUrgent((byte) '!');
      pair.send("after");
      await().atMost(WAIT).until(() -> events.size() == 1);
      await().during(Duration.ofMillis(200)).atMost(WAIT)
          .until(() -> normal.toString().equals("before"));
      release.countDown();

      await().atMost(WAIT).until(() -> normal.toString().equals("beforeafter"));
      assertThat(events).containsExactly(UrgentRead.received((byte) '!'));
      pair.finishSending();
      reader.join(WAIT.toMillis());
    }
  }

  @Test
  void secondWatcherOnTheSameSocketIsRefused() throws Exception {
    try (TestPair pair = TestPair.sockets(0);
        UrgentWatcher first = pair.receiver().watch(events::add)) {
      assertThatThrownBy(() -> pair.receiver().watch(events::add))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("a watcher is already running on this socket");
      first.close();
      try (UrgentWatcher second = pair.receiver().watch(events::add)) {
        assertThat(second.isRunning()).isTrue();
      }
    }
  }

  @Test
  void misuseIsRefused() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      UrgentWatcher watcher = pair.receiver().watch(events::add);
      try (watcher) {
        assertThatThrownBy(watcher::start).isInstanceOf(IllegalStateException.class)
            .hasMessage("watcher already started");
      }
      assertThatThrownBy(() -> new UrgentWatcher(pair.receiver(), events::add,
          Duration.ZERO, ONE_MINUTE)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("closeCheckInterval : PT0S (expected: 1 ms to 1 min)");
    }
  }

  /** Reads like the book's main loop, through the gated read that waits for the listener. */
  private static Thread startReader(TestPair pair, StringBuffer normal) {
    Thread reader = new Thread(() -> {
      try {
        byte[] buffer = new byte[1024];
        for (int n; (n = pair.receiver().read(buffer, 0, buffer.length)) >= 0; ) {
          normal.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
      } catch (IOException e) {
        normal.append("<").append(e).append(">");
      }
    }, "test-reader");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static void sendAndAwait(TestPair pair, StringBuffer normal, String... lines)
      throws IOException {
    for (String line : lines) {
      String expected = normal + line;
      pair.send(line);
      await().atMost(WAIT).until(() -> normal.toString().equals(expected));
    }
  }
}
