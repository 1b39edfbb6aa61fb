package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.urgent.TestPair.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link UrgentSocket}'s public waits ({@code awaitReadableOrUrgent}, {@code
 * awaitWritableOrUrgent}, {@code awaitUrgent}) on real loopback connections, over sockets and
 * channels: what each reports, urgent data first, timeouts, and a socket closed under a wait.
 */
@RequiresNativeLibrary
@Timeout(60)
class UrgentWaitsIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration SHORT = Duration.ofMillis(50);

  /** A test run once over sockets and once over channels. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  @interface OnBothTransports {
  }

  @OnBothTransports
  void readableOrUrgentReportsDataThenUrgentFirst(Transport transport)
      throws Exception {
    try (TestPair pair = transport.open(0)) {
      UrgentSocket receiver = pair.receiver();
      assertThat(receiver.awaitReadableOrUrgent(SHORT)).isEqualTo(Readiness.TIMED_OUT);

      pair.send("abc");
      assertThat(receiver.awaitReadableOrUrgent(WAIT)).isEqualTo(Readiness.READABLE);

      pair.sender().sendUrgent((byte) '!');
      assertThat(receiver.awaitUrgent(WAIT)).isEqualTo(Readiness.URGENT);
      assertThat(receiver.awaitReadableOrUrgent(WAIT))
          .as("urgent data comes before the normal data buffered with it")
          .isEqualTo(Readiness.URGENT);
      assertThat(receiver.readUrgent().isReceived()).isTrue();
      assertThat(receiver.awaitReadableOrUrgent(WAIT)).isEqualTo(Readiness.READABLE);
    }
  }

  @OnBothTransports
  void readableOrUrgentReportsALoneUrgentByte(Transport transport)
      throws Exception {
    try (TestPair pair = transport.open(0)) {
      pair.sender().sendUrgent((byte) '!');
      assertThat(pair.receiver().awaitReadableOrUrgent(WAIT)).isEqualTo(Readiness.URGENT);
      assertThat(pair.receiver().readUrgent().isReceived()).isTrue();
      assertThat(pair.receiver().awaitReadableOrUrgent(SHORT)).isEqualTo(Readiness.TIMED_OUT);
    }
  }

  @OnBothTransports
  void readableAtTheEndOfTheStream(Transport transport) throws Exception {
    try (TestPair pair = transport.open(0)) {
      pair.finishSending();
      assertThat(pair.receiver().awaitReadableOrUrgent(WAIT)).isEqualTo(Readiness.READABLE);
      assertThat(pair.receiver().read(new byte[1], 0, 1)).isEqualTo(-1);
    }
  }

  @OnBothTransports
  void writableOrUrgentHearsAnAbortWhileThePeerDoesNotRead(Transport transport)
      throws Exception {
    try (TestPair pair = transport.open(0)) {
      UrgentSocket receiver = pair.receiver();
      assertThat(receiver.awaitWritableOrUrgent(WAIT)).isEqualTo(Readiness.WRITABLE);

      // The receiver writes to a sender that does not read, until its send buffer is full.
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          byte[] chunk = new byte[64 * 1024];
          for (int i = 0; i < 1024; i++) {
            pair.writeAtReceiver(chunk);
          }
        } catch (IOException e) {
          // the test closed the pair
        }
      });
      await().atMost(WAIT).until(() -> receiver.awaitWritableOrUrgent(Duration.ofMillis(1))
          == Readiness.TIMED_OUT);

      pair.sender().sendUrgent((byte) '!');
      assertThat(receiver.awaitWritableOrUrgent(WAIT)).isEqualTo(Readiness.URGENT);
      assertThat(receiver.readUrgent().isReceived()).isTrue();
      pair.close();
      writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @OnBothTransports
  void awaitUrgentEndsWhenThePeerFinishes(Transport transport) throws Exception {
    try (TestPair pair = transport.open(0)) {
      UrgentSocket receiver = pair.receiver();
      pair.send("normal data does not count");
      assertThat(receiver.awaitUrgent(SHORT)).isEqualTo(Readiness.TIMED_OUT);

      pair.finishSending();
      assertThat(receiver.awaitUrgent(WAIT)).isEqualTo(Readiness.ENDED);
    }
  }

  @OnBothTransports
  void aSocketClosedUnderAWaitEndsIt(Transport transport) throws Exception {
    try (TestPair pair = transport.open(0)) {
      UrgentSocket receiver = pair.receiver();
      CompletableFuture<Readiness> readable = CompletableFuture.supplyAsync(
          () -> call(() -> receiver.awaitReadableOrUrgent(Duration.ZERO)));
      CompletableFuture<Readiness> urgent = CompletableFuture.supplyAsync(
          () -> call(() -> receiver.awaitUrgent(Duration.ZERO)));

      pair.closeReceiver();

      for (CompletableFuture<Readiness> wait : List.of(readable, urgent)) {
        assertThatThrownBy(() -> wait.get(WAIT.toSeconds(), TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().cause().isInstanceOfAny(SocketException.class,
                ClosedChannelException.class);
      }
    }
  }

  @OnBothTransports
  void negativeTimeoutsAreRefused(Transport transport) throws Exception {
    try (TestPair pair = transport.open(0)) {
      assertThatThrownBy(() -> pair.receiver().awaitUrgent(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("timeout : PT-0.001S (expected: >= 0)");
    }
  }

  /** A wait that may throw. */
  interface Wait {
    Readiness run() throws IOException;
  }

  private static Readiness call(Wait wait) {
    try {
      return wait.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
