package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.internal.Poll;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.urgent.TestPair.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15, finding 9: a peer sends 100,000 bytes, an urgent byte, then a reset (RST). After a
 * reset Linux refuses {@code recv(MSG_OOB)} with {@code ENOTCONN}, while the 100,000 bytes can
 * still be read. The urgent path must not end normal reading: every byte is delivered, and the
 * reset is reported once, by the normal read that comes after the data. Each case lets the whole
 * exchange (reset included) arrive before the receiver starts, the situation in which urgent-recv
 * printed none of the data.
 */
@RequiresNativeLibrary
@Timeout(60)
class UrgentAfterResetIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int DATA_BYTES = 100_000;
  private static final int RECEIVE_BUFFER_BYTES = 1 << 20;

  private final List<UrgentRead> urgent = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream normal = new ByteArrayOutputStream();

  private static byte[] data() {
    byte[] data = new byte[DATA_BYTES];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + i % 26);
    }
    return data;
  }

  private static TestPair pair(Transport transport) throws IOException {
    return transport.open(RECEIVE_BUFFER_BYTES);
  }

  /** Sends the data, an urgent byte and a reset, and waits until the reset has arrived. */
  private static void sendDataUrgentAndReset(TestPair pair) throws IOException {
    pair.receiver();
    pair.send(data());
    pair.sender().sendUrgent((byte) '!');
    pair.resetSender();
    int fd = pair.receiverFd();
    await().atMost(WAIT).until(() -> (Poll.poll(fd, Poll.IN, 0) & Poll.ERR) != 0);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  void readUrgentAfterAResetFindsNothingPendingAndTheDataIsStillRead(Transport transport)
      throws Exception {
    try (TestPair pair = pair(transport)) {
      sendDataUrgentAndReset(pair);

      assertThat(pair.receiver().readUrgent()).isEqualTo(UrgentRead.NOTHING_PENDING);
      assertThatThrownBy(() -> readAll(pair.receiver()))
          .isInstanceOf(SocketException.class).hasMessageContaining("reset");
      assertThat(normal.toByteArray()).isEqualTo(data());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  void aWatcherStopsQuietlyAndTheReaderGetsAllDataThenTheReset(Transport transport)
      throws Exception {
    try (TestPair pair = pair(transport)) {
      sendDataUrgentAndReset(pair);

      try (UrgentWatcher watcher = pair.receiver().watch(urgent::add)) {
        assertThatThrownBy(() -> readAll(pair.receiver()))
            .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        assertThat(normal.toByteArray()).isEqualTo(data());
        await().atMost(WAIT).until(() -> !watcher.isRunning());
        assertThat(watcher.failure()).isEmpty();
      }
      assertThat(urgent).allMatch(UrgentRead::isReceived);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Transport.class)
  void thePollLoopDeliversAllDataThenFailsOnceWithTheReset(Transport transport) throws Exception {
    try (TestPair pair = pair(transport)) {
      sendDataUrgentAndReset(pair);
      UrgentPollLoop loop = new UrgentPollLoop(pair.receiver(), new UrgentPollLoop.Handler() {
        @Override
        public void normalData(byte[] buffer, int length) {
          normal.write(buffer, 0, length);
        }

        @Override
        public void urgentData(UrgentRead read) {
          urgent.add(read);
        }
      });

      assertThatThrownBy(loop::run)
          .isInstanceOf(SocketException.class).hasMessageContaining("reset");
      assertThat(normal.toByteArray()).isEqualTo(data());
      assertThat(urgent).allMatch(UrgentRead::isReceived);
    }
  }

  private void readAll(UrgentSocket socket) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n; (n = socket.read(buffer, 0, buffer.length)) >= 0; ) {
      normal.write(buffer, 0, n);
    }
  }
}
