package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.internal.Poll;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour of urgent data, written once and run on each transport ({@link SocketUrgentIT},
 * {@link ChannelUrgentIT}): the book's transcripts and caveats on real loopback connections.
 */
@RequiresNativeLibrary
@Timeout(60)
abstract class UrgentSocketContract {

  static final Duration WAIT = Duration.ofSeconds(10);

  abstract TestPair open(int receiveBufferBytes) throws IOException;

  TestPair open() throws IOException {
    return open(0);
  }

  /** Waits until everything the sender sent, up to its FIN, is in the receiver's buffer. */
  static void awaitAllArrived(TestPair pair) throws IOException {
    int fd = pair.receiverFd();
    await().atMost(WAIT).until(() -> (Poll.poll(fd, Poll.RDHUP, 0) & Poll.RDHUP) != 0);
  }

  static byte[] pattern(int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) ('a' + i % 26);
    }
    return data;
  }

  @Test
  void outOfBandByteNeverAppearsInTheNormalStreamAndReadsStopAtTheMark() throws Exception {
    try (TestPair pair = open()) {
      pair.send("aaab");
      pair.sender().sendUrgent((byte) '!');
      pair.send("ac");
      pair.finishSending();
      awaitAllArrived(pair);

      assertThat(pair.receiver().atMark()).isFalse();
      assertThat(pair.readOnce()).isEqualTo("aaab");
      assertThat(pair.receiver().atMark()).isTrue();
      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.received((byte) '!'));
      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.NOTHING_PENDING);
      assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("ac");
    }
  }

  @Test
  void inlineByteIsTheFirstByteReadAtTheMark() throws Exception {
    try (TestPair pair = open()) {
      pair.receiver().setInline(true);
      assertThat(pair.receiver().isInline()).isTrue();
      pair.send("aaab");
      pair.sender().sendUrgent((byte) '!');
      pair.send("ac");
      pair.finishSending();
      awaitAllArrived(pair);

      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.INLINE);
      assertThat(pair.readOnce()).isEqualTo("aaab");
      assertThat(pair.receiver().atMark()).isTrue();
      assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("!ac");
    }
  }

  @Test
  void nothingPendingBeforeAnyUrgentData() throws Exception {
    try (TestPair pair = open()) {
      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.NOTHING_PENDING);
      assertThat(pair.receiver().atMark()).isFalse();
      assertThat(pair.receiver().isInline()).isFalse();
    }
  }

  @Test
  void discardToMarkDiscardsExactlyTheBytesBeforeTheMark() throws Exception {
    byte[] before = pattern(100_000);
    try (TestPair pair = open()) {
      CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
        try {
          pair.send(before);
          pair.sender().sendUrgent((byte) '!');
          pair.send("after");
          pair.finishSending();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });

      assertThat(pair.receiver().discardToMark(before.length)).isEqualTo(before);
      assertThat(pair.receiver().atMark()).isTrue();
      await().atMost(WAIT).until(() -> pair.receiver().readUrgent().isReceived());
      assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("after");
      sender.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void discardToMarkAtTheMarkDiscardsNothing() throws Exception {
    try (TestPair pair = open()) {
      pair.sender().sendUrgent((byte) '!');
      pair.send("after");
      pair.finishSending();
      awaitAllArrived(pair);

      assertThat(pair.receiver().discardToMark()).isEmpty();
      assertThat(pair.receiver().readUrgent().data()).isEqualTo((byte) '!');
      assertThat(pair.readOnce()).isEqualTo("after");
    }
  }

  @Test
  void discardToMarkInlineLeavesTheUrgentByteFirst() throws Exception {
    try (TestPair pair = open()) {
      pair.receiver().setInline(true);
      pair.send("stale output");
      pair.sender().sendUrgent((byte) '!');
      pair.send("fresh");
      pair.finishSending();

      assertThat(new String(pair.receiver().discardToMark(), StandardCharsets.US_ASCII))
          .isEqualTo("stale output");
      assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("!fresh");
    }
  }

  @Test
  void discardToMarkStopsAtItsLimit() throws Exception {
    try (TestPair pair = open()) {
      pair.send("0123456789");
      pair.sender().sendUrgent((byte) '!');
      pair.finishSending();
      awaitAllArrived(pair);

      assertThatThrownBy(() -> pair.receiver().discardToMark(4))
          .isInstanceOf(UrgentMarkTooFarException.class)
          .hasMessageStartingWith("urgent mark not reached within maxBytes 4");
      assertThatThrownBy(() -> pair.receiver().discardToMark(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("maxBytes : 0 (expected: > 0)");
    }
  }

  @Test
  void discardToMarkFailsWhenTheStreamEndsFirst() throws Exception {
    try (TestPair pair = open()) {
      pair.send("no mark here");
      pair.finishSending();

      assertThatThrownBy(() -> pair.receiver().discardToMark())
          .isInstanceOf(EOFException.class)
          .hasMessage("stream ended before the urgent mark (12 bytes discarded)");
    }
  }

  /** The book's caveat 2: one urgent pointer per stream. */
  @Test
  void severalUrgentBytesInARowOnlyTheLastIsUrgent() throws Exception {
    try (TestPair pair = open()) {
      pair.send("ab");
      pair.sender().sendUrgent((byte) '1');
      pair.send("cd");
      pair.sender().sendUrgent((byte) '2');
      pair.send("ef");
      pair.sender().sendUrgent((byte) '3');
      pair.send("gh");
      pair.finishSending();
      awaitAllArrived(pair);

      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.received((byte) '3'));
      assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("ab1cd2efgh");
    }
  }

  /**
   * The book's caveat 3: with the receiver's buffer full, the urgent pointer is announced before
   * the byte arrives, and the byte comes only once normal data is read.
   */
  @Test
  void urgentByteSentWhileTheReceiversBufferIsFull() throws Exception {
    byte[] data = pattern(1 << 20);
    try (TestPair pair = open(4096)) {
      UrgentSocket receiver = pair.receiver();
      int receiverFd = pair.receiverFd();
      CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
        try {
          pair.send(data);
          pair.sender().sendUrgent((byte) '!');
          pair.send("after");
          pair.finishSending();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });

      List<UrgentRead.Status> seen = new ArrayList<>();
      java.io.ByteArrayOutputStream normal = new java.io.ByteArrayOutputStream();
      byte[] chunk = new byte[2048];
      UrgentRead read = receiver.readUrgent();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!read.isReceived() && System.nanoTime() < deadline) {
        seen.add(read.status());
        if (receiver.atMark()) {
          await().atMost(WAIT)
              .until(() -> (Poll.poll(receiverFd, Poll.PRI, 0) & Poll.PRI) != 0);
        } else {
          normal.write(chunk, 0, pair.read(chunk));
        }
        read = receiver.readUrgent();
      }

      assertThat(read).isEqualTo(UrgentRead.received((byte) '!'));
      assertThat(seen).contains(UrgentRead.Status.NOTHING_PENDING,
          UrgentRead.Status.NOT_ARRIVED_YET);
      assertThat(seen.indexOf(UrgentRead.Status.NOT_ARRIVED_YET))
          .isGreaterThan(seen.indexOf(UrgentRead.Status.NOTHING_PENDING));
      normal.write(receiver.discardToMark(data.length));
      assertThat(normal.toByteArray()).isEqualTo(data);
      assertThat(new String(pair.readAll(), StandardCharsets.US_ASCII)).isEqualTo("after");
      sender.get(10, TimeUnit.SECONDS);
    }
  }

  /** Why {@link UrgentSocket#read} exists: Linux forgets a byte that a plain read steps over. */
  @Test
  void plainReadStartingAtTheMarkLosesTheUrgentByte() throws Exception {
    try (TestPair pair = open()) {
      pair.sender().sendUrgent((byte) '!');
      pair.send("cd");
      pair.finishSending();
      awaitAllArrived(pair);

      assertThat(pair.readOnce()).isEqualTo("cd");
      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.NOTHING_PENDING);
    }
  }

  @Test
  void gatedReadStartingAtTheMarkSetsTheUrgentByteAside() throws Exception {
    try (TestPair pair = open()) {
      pair.sender().sendUrgent((byte) '!');
      pair.send("cd");
      pair.finishSending();
      awaitAllArrived(pair);

      byte[] buffer = new byte[16];
      int n = pair.receiver().read(buffer, 0, buffer.length);

      assertThat(new String(buffer, 0, n, StandardCharsets.US_ASCII)).isEqualTo("cd");
      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.received((byte) '!'));
      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.NOTHING_PENDING);
      assertThat(pair.receiver().read(buffer, 0, buffer.length)).isEqualTo(-1);
    }
  }

  @Test
  void inputStreamViewReadsLinesAndStopsAtTheMark() throws Exception {
    try (TestPair pair = open()) {
      pair.send("first line\r\nsecond ");
      pair.sender().sendUrgent((byte) '!');
      pair.send("line\r\n");
      pair.finishSending();
      awaitAllArrived(pair);

      java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
          pair.receiver().inputStream(), StandardCharsets.US_ASCII));
      assertThat(lines.readLine()).isEqualTo("first line");
      assertThat(pair.receiver().atMark()).isTrue();
      assertThat(lines.readLine()).isEqualTo("second line");
      assertThat(lines.readLine()).isNull();
      assertThat(pair.receiver().readUrgent().data()).isEqualTo((byte) '!');
      assertThatThrownBy(() -> pair.receiver().read(new byte[1], 1, 1))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThat(pair.receiver().read(new byte[1], 0, 0)).isZero();
    }
  }

  @Test
  void sameSocketGivesTheSameInstance() throws Exception {
    try (TestPair pair = open()) {
      assertThat(pair.receiver()).isSameAs(pair.wrapReceiver());
      assertThat(pair.sender()).isNotSameAs(pair.receiver());
    }
  }

  @Test
  void closedReceiverGivesTheJdkClosedException() throws Exception {
    try (TestPair pair = open()) {
      UrgentSocket receiver = pair.receiver();
      pair.closeReceiver();

      assertClosed(() -> receiver.readUrgent());
      assertClosed(() -> receiver.atMark());
      assertClosed(() -> receiver.setInline(true));
      assertClosed(() -> receiver.sendUrgent((byte) 1));
      assertClosed(() -> receiver.discardToMark());
      assertClosed(() -> receiver.watch(read -> { }));
      assertClosed(() -> receiver.awaitReadableOrUrgent(Duration.ZERO));
      assertClosed(() -> receiver.awaitWritableOrUrgent(Duration.ZERO));
      assertClosed(() -> receiver.awaitUrgent(Duration.ZERO));
    }
  }

  @Test
  void sendingAfterThePeerClosedFailsNamingTheCall() throws Exception {
    try (TestPair pair = open()) {
      UrgentSocket sender = pair.sender();
      pair.closeReceiver();

      await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> {
        sender.sendUrgent((byte) '!');
        pair.send("more");
      }).isInstanceOf(IOException.class));
      assertThatThrownBy(() -> sender.sendUrgent((byte) '!'))
          .hasMessageStartingWith("send(MSG_OOB) failed: ");
    }
  }

  /** A call that must fail because the socket or channel is closed. */
  interface Call {
    void run() throws Exception;
  }

  abstract void assertClosed(Call call);
}
