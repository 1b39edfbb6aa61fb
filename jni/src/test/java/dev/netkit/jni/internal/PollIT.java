package dev.netkit.jni.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.testing.Loopback;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@RequiresNativeLibrary
class PollIT {

  @Test
  void constantsAreDistinctPlatformBits() {
    int[] bits = {Poll.IN, Poll.PRI, Poll.OUT, Poll.ERR, Poll.HUP, Poll.NVAL, Poll.RDHUP};
    int all = 0;
    for (int bit : bits) {
      assertThat(Integer.bitCount(bit)).isEqualTo(1);
      assertThat(all & bit).isZero();
      all |= bit;
    }
    assertThat(all & Poll.WOKEN).isZero();
  }

  @Test
  void reportsUrgentDataAsPriAndTimesOutWithoutIt() throws Exception {
    Loopback.withSockets((client, server) -> {
      int receiver = SocketDescriptors.of(server);
      assertThat(Poll.poll(receiver, Poll.PRI | Poll.IN, 0)).isZero();

      UrgentSyscalls.sendUrgent(SocketDescriptors.of(client), (byte) 'x');

      assertThat(Poll.poll(receiver, Poll.PRI, 5_000) & Poll.PRI).isEqualTo(Poll.PRI);
      UrgentSyscalls.receiveUrgent(receiver);
      assertThat(Poll.poll(receiver, Poll.PRI, 0)).isZero();
    });
  }

  @Test
  void wakerEndsABlockedPollFromAnotherThread() throws Exception {
    Loopback.withSockets((client, server) -> {
      int receiver = SocketDescriptors.of(server);
      try (PollWaker waker = new PollWaker()) {
        CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(() -> {
          try {
            return Poll.poll(receiver, Poll.PRI, waker, -1);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        waker.wake();

        assertThat(poll.get(5, TimeUnit.SECONDS)).isEqualTo(Poll.WOKEN);
        assertThat(Poll.poll(-1, 0, waker, 0)).isEqualTo(Poll.WOKEN);
        waker.clear();
        assertThat(Poll.poll(-1, 0, waker, 0)).isZero();
      }
    });
  }

  @Test
  void reportsHangUpWhenBothDirectionsAreClosed() throws Exception {
    Loopback.withSockets((client, server) -> {
      int receiver = SocketDescriptors.of(server);
      client.close();
      server.shutdownOutput();

      await().atMost(Duration.ofSeconds(5))
          .until(() -> (Poll.poll(receiver, Poll.PRI, 0) & Poll.HUP) != 0);
    });
  }
}
