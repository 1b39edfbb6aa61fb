package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.netns.ForgedDatagrams;
import dev.netkit.netns.RequiresForgedDatagrams;
import dev.netkit.testsupport.CloseAfterEach;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reflection attack of issue 15, finding 1: one datagram whose source is forged to be one
 * server makes another server answer it, and two servers that answer everything then answer
 * each other forever (before the fix: 1.3 million datagrams each way in 15 s on loopback, and on). With the
 * reply policy the exchange stops after about one burst of the reply budget.
 */
@RequiresForgedDatagrams
class ReflectionIT {

  /** Far above one burst of the default budget (1000) each way, far below a loop. */
  private static final long MOST_DATAGRAMS = 10_000;

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  @Test
  void twoEchoServersDoNotAnswerEachOtherForever() throws Exception {
    ReverseEchoServer a = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    ReverseEchoServer b = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();

    ForgedDatagrams.send(a.localAddress(), b.localAddress(), List.of(bytes("ping")));

    assertExchangeStops("echo/echo", a::stats, b::stats);
  }

  @Test
  void echoAndDaytimeDoNotAnswerEachOtherForever() throws Exception {
    ReverseEchoServer echo = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    DaytimeServer daytime = resources.use(new DaytimeServer(Peer.ANY_LOOPBACK)).start();

    ForgedDatagrams.send(daytime.localAddress(), echo.localAddress(), List.of(bytes("time?")));

    assertExchangeStops("echo/daytime", echo::stats, daytime::stats);
  }

  @Test
  void datagramsFromServicePortsAndItsOwnPortAreNotAnswered() throws Exception {
    ReverseEchoServer echo = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    InetSocketAddress self = echo.localAddress();
    InetSocketAddress chargen = new InetSocketAddress(self.getAddress(), 19);

    ForgedDatagrams.send(chargen, self, List.of(bytes("a"), bytes("b")));
    ForgedDatagrams.send(self, self, List.of(bytes("c")));

    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> echo.stats().received() == 3);
    assertThat(echo.stats().replies()).isZero();
    assertThat(echo.stats().refusedSources()).isEqualTo(3);
  }

  private static void assertExchangeStops(String pair, Supplier<DatagramServerStats> first,
      Supplier<DatagramServerStats> second) {
    long[] last = {-1, -1};
    long started = System.nanoTime();
    try {
      // Stopped: two polls half a second apart see the same counts.
      Awaitility.await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(500))
          .pollInterval(Duration.ofMillis(500)).until(() -> {
            long a = first.get().received();
            long b = second.get().received();
            boolean same = a == last[0] && b == last[1];
            last[0] = a;
            last[1] = b;
            return same && a > 0;
          });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(pair + ": still answering each other after "
          + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: " + first.get()
          + " / " + second.get(), e);
    }
    System.out.printf("%s: the exchange stopped: %s / %s%n", pair, first.get(), second.get());
    assertThat(first.get().received()).isLessThan(MOST_DATAGRAMS);
    assertThat(second.get().received()).isLessThan(MOST_DATAGRAMS);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
