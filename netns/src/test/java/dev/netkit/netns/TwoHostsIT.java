package dev.netkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-host set-up, made by {@link WithTwoHosts}: addresses, routes, and what crosses. */
@WithTwoHosts
class TwoHostsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void eachHostHasItsEndOfTheLinkWithAddressAndBroadcast(TwoHosts hosts) throws Exception {
    VethLink link = hosts.link();

    assertThat(hosts.hostA().ip("-o", "-4", "addr", "show", "dev", link.interfaceA()).stdout())
        .contains(link.addressA().getHostAddress() + "/24 brd "
            + link.broadcastAddress().getHostAddress());
    assertThat(hosts.hostB().ip("-o", "-4", "addr", "show", "dev", link.interfaceB()).stdout())
        .contains(link.addressB().getHostAddress() + "/24 brd "
            + link.broadcastAddress().getHostAddress());
    assertThat(link.namespaceA()).isSameAs(hosts.hostA());
    assertThat(link.namespaceB()).isSameAs(hosts.hostB());
    assertThat(hosts).hasToString("host A " + link.addressA().getHostAddress() + " (netns "
        + hosts.hostA().name() + ") <-veth-> host B " + link.addressB().getHostAddress()
        + " (netns " + hosts.hostB().name() + ")");
  }

  @Test
  void multicastAndLimitedBroadcastAreRoutedOverTheLink(TwoHosts hosts) throws Exception {
    assertRoutedOver(hosts.hostA(), hosts.link().interfaceA());
    assertRoutedOver(hosts.hostB(), hosts.link().interfaceB());
  }

  private static void assertRoutedOver(NetworkNamespace host, String device) throws Exception {
    assertThat(host.ip("route", "get", "224.1.2.3").stdout()).contains("dev " + device);
    assertThat(host.ip("route", "get", "255.255.255.255").stdout())
        .contains("broadcast 255.255.255.255 dev " + device);
  }

  @Test
  void aUnicastDatagramCrossesTheLink(TwoHosts hosts) throws Exception {
    assertThat(pingFromAToB(hosts, hosts.link().addressB().getHostAddress(),
        hosts.link().addressB().getHostAddress())).isEqualTo("pong:ping\n");
  }

  @Test
  void aSubnetBroadcastFromHostAReachesHostB(TwoHosts hosts) throws Exception {
    assertThat(pingFromAToB(hosts, "0.0.0.0", hosts.link().broadcastAddress().getHostAddress()))
        .isEqualTo("pong:ping\n");
  }

  @Test
  void aLimitedBroadcastFromHostAReachesHostB(TwoHosts hosts) throws Exception {
    assertThat(pingFromAToB(hosts, "0.0.0.0", "255.255.255.255")).isEqualTo("pong:ping\n");
  }

  /** A server on host B bound to {@code bind} answers a ping sent by host A to {@code to}. */
  private static String pingFromAToB(TwoHosts hosts, String bind, String to) throws Exception {
    hosts.hostB().launchJava(DatagramPing.class, "serve", bind, "4000")
        .awaitStdoutLine("READY"::equals, WAIT);
    CommandResult asked = hosts.hostA().launchJava(DatagramPing.class, "ask", to, "4000")
        .awaitExit(WAIT);
    assertThat(asked.exitCode()).as(asked.stderr()).isZero();
    return asked.stdout();
  }

  @Test
  void closeDeletesBothHostsAndIsIdempotent() throws Exception {
    TwoHosts hosts = TwoHosts.create("close");
    CapturedProcess running = hosts.hostB().exec("sleep", "600");

    hosts.close();
    hosts.close();

    assertThat(hosts.isClosed()).isTrue();
    assertThat(running.process().isAlive()).isFalse();
    assertThat(Commands.run(null, List.of(Commands.ip(), "netns", "list")).stdout())
        .doesNotContain(hosts.hostA().name()).doesNotContain(hosts.hostB().name());
  }
}
