package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Figure 17.4: the single-threaded poll loop. */
@RequiresNativeLibrary
@Timeout(60)
class UrgentPollLoopIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Records what the loop reports, as the lines urgent-recv prints. */
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final StringBuffer normal = new StringBuffer();

  private final UrgentPollLoop.Handler recorder = new UrgentPollLoop.Handler() {
    @Override
    public void normalData(byte[] buffer, int length) {
      String data = new String(buffer, 0, length, StandardCharsets.US_ASCII);
      normal.append(data);
      lines.add("normal " + data);
    }

    @Override
    public void urgentData(UrgentRead read) {
      lines.add(read.isReceived() ? "urgent " + (char) read.data() : "inline");
    }
  };

  private CompletableFuture<Void> runLoop(TestPair pair) throws IOException {
    UrgentPollLoop loop = new UrgentPollLoop(pair.receiver(), recorder);
    return CompletableFuture.runAsync(() -> {
      try {
        loop.run();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private void sendAndAwait(TestPair pair, String... chunks) throws IOException {
    for (String chunk : chunks) {
      String expected = normal + chunk;
      pair.send(chunk);
      await().atMost(WAIT).until(() -> normal.toString().equals(expected));
    }
  }

  @Test
  void bookTranscriptOutOfBand() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      CompletableFuture<Void> loop = runLoop(pair);

      sendAndAwait(pair, "aa", "ab", "ac", "ad");
      pair.sender().sendUrgent((byte) '!');
      await().atMost(WAIT).until(() -> lines.contains("urgent !"));
      sendAndAwait(pair, "ae");
      pair.sender().sendUrgent((byte) '!');
      sendAndAwait(pair, "af");
      pair.finishSending();
      loop.get(10, TimeUnit.SECONDS);

      assertThat(lines).containsExactly("normal aa", "normal ab", "normal ac", "normal ad",
          "urgent !", "normal ae", "urgent !", "normal af");
    }
  }

  /** The second byte comes while the loop does not ask for POLLPRI ($ok_to_read_oob clear). */
  @Test
  void urgentByteArrivingWhileNotPollingForItIsReportedBeforeTheDataAfterIt() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      CompletableFuture<Void> loop = runLoop(pair);

      sendAndAwait(pair, "aa");
      pair.sender().sendUrgent((byte) '1');
      await().atMost(WAIT).until(() -> lines.contains("urgent 1"));
      pair.sender().sendUrgent((byte) '2');
      sendAndAwait(pair, "ab");
      pair.finishSending();
      loop.get(10, TimeUnit.SECONDS);

      assertThat(lines).containsExactly("normal aa", "urgent 1", "urgent 2", "normal ab");
    }
  }

  @Test
  void inlineReportsEachUrgentByteOnceAndReadsIt() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      pair.receiver().setInline(true);
      CompletableFuture<Void> loop = runLoop(pair);

      sendAndAwait(pair, "aa", "ab");
      pair.sender().sendUrgent((byte) '!');
      await().atMost(WAIT).until(() -> normal.toString().equals("aaab!"));
      sendAndAwait(pair, "ac");
      pair.sender().sendUrgent((byte) '!');
      await().atMost(WAIT).until(() -> normal.toString().equals("aaab!ac!"));
      pair.finishSending();
      loop.get(10, TimeUnit.SECONDS);

      assertThat(lines).containsExactly("normal aa", "normal ab", "inline", "normal !",
          "normal ac", "inline", "normal !");
    }
  }

  @Test
  void readBufferSizeIsChecked() throws Exception {
    try (TestPair pair = TestPair.sockets(0)) {
      assertThatThrownBy(() -> new UrgentPollLoop(pair.receiver(), recorder, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("readBufferBytes : 0 (expected: 1 to 1048576)");
    }
  }
}
