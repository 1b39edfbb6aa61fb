package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.netns.ForgedDatagrams;
import dev.netkit.netns.RequiresForgedDatagrams;
import dev.netkit.testsupport.CloseAfterEach;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DESIGN.md "Hostile peers" for udp-proxy: a datagram forged to come from the proxy's own address
 * used to make it relay its target's reply to itself, as a new client, for ever (a loop through
 * the target); one from a well-known service port made it reflect the reply there. Both are now
 * dropped and counted.
 */
@RequiresForgedDatagrams
class FaultyProxyReflectionIT {

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  @Test
  void datagramsFromItsOwnAddressOrAServicePortAreNotRelayed() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    FaultyProxy proxy = resources.use(new FaultyProxy(Peer.ANY_LOOPBACK, server.localAddress(),
        FaultyProxyConfig.defaults())).start();
    InetSocketAddress servicePort =
        new InetSocketAddress(proxy.localAddress().getAddress(), 19);

    ForgedDatagrams.send(proxy.localAddress(), proxy.localAddress(),
        List.of("loop".getBytes(StandardCharsets.US_ASCII)));
    ForgedDatagrams.send(servicePort, proxy.localAddress(),
        List.of("chargen".getBytes(StandardCharsets.US_ASCII)));
    Peer client = resources.use(new Peer());
    assertThat(client.exchange("real", proxy.localAddress())).isEqualTo("laer");

    long[] last = {-1};
    // Settled: two polls a quarter of a second apart see the same count.
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(250))
        .pollInterval(Duration.ofMillis(250)).until(() -> {
          long received = proxy.stats().received();
          boolean same = received == last[0];
          last[0] = received;
          return same;
        });
    System.out.println("udp-proxy after two forged datagrams and one exchange: " + proxy.stats());
    assertThat(proxy.stats().received()).as("the client's request and its reply").isEqualTo(2);
    assertThat(proxy.stats().refusedSources()).isEqualTo(2);
  }
}
