package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.testsupport.CloseAfterEach;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A failure while relaying one datagram costs that datagram only, never the relay. */
class FaultyProxyFailureIT {

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  /** Draws like {@link Random}, but the first {@code failures} draws throw. */
  private static final class FailingRandom extends Random {
    private static final long serialVersionUID = 1L;
    private final AtomicInteger failures;
    private final boolean error;

    FailingRandom(int failures, boolean error) {
      super(1);
      this.failures = new AtomicInteger(failures);
      this.error = error;
    }

    @Override
    public double nextDouble() {
      if (failures.getAndDecrement() > 0) {
        if (error) {
          throw new StackOverflowError("injected");
        }
        throw new IllegalStateException("injected");
      }
      return super.nextDouble();
    }
  }

  private FaultyProxy proxyFailingFirst(int failures, boolean error) throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    FaultyProxyConfig config = FaultyProxyConfig.defaults();
    return resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, server.localAddress(), config,
        new FaultModel(config, new FailingRandom(failures, error)))).start();
  }

  @Test
  void relaysOnAfterARuntimeExceptionForOneDatagram() throws Exception {
    FaultyProxy proxy = proxyFailingFirst(3, false);
    Peer client = resources.use(new Peer());
    for (int i = 0; i < 3; i++) {
      client.send("lost " + i, proxy.localAddress());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == 3);

    assertThat(client.exchange("still here", proxy.localAddress())).isEqualTo("ereh llits");
    assertThat(proxy.stats().relayFailures()).isEqualTo(3);
    assertThat(proxy.failure()).isEmpty();
  }

  @Test
  void relaysOnAfterAnErrorForOneDatagram() throws Exception {
    FaultyProxy proxy = proxyFailingFirst(1, true);
    Peer client = resources.use(new Peer());
    client.send("lost", proxy.localAddress());
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().received() == 1);

    assertThat(client.exchange("still here", proxy.localAddress())).isEqualTo("ereh llits");
    assertThat(proxy.stats().relayFailures()).isEqualTo(1);
  }

  @Test
  void awaitTerminationReturnsOnceClosedWithoutAFailure() throws Exception {
    FaultyProxy proxy = proxyFailingFirst(0, false);
    proxy.close();

    assertThat(proxy.awaitTermination(Duration.ofSeconds(5))).isTrue();
    assertThat(proxy.failure()).isEmpty();
  }
}
