package dev.netkit.cli.multicast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.NetkitMain;
import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.CommandResult;
import dev.netkit.netns.NetworkNamespace;
import dev.netkit.netns.TwoHosts;
import dev.netkit.netns.VethLink;
import dev.netkit.netns.WithTwoHosts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The four multicast programs, each run through the launcher in a child JVM on one of
 * {@link TwoHosts} (two network namespaces joined by a veth pair, 224.0.0.0/4 routed over it):
 * multicast never sees a real interface.
 */
@WithTwoHosts
class MulticastProgramsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void theTimeClientPrintsTheServersBeacons(TwoHosts hosts) throws Exception {
    NetworkNamespace hostA = hosts.hostA();
    VethLink link = hosts.link();
    hostA.launchJava(NetkitMain.class, "mcast-time-server", "2070", "224.225.226.227", "1",
        "--interval", "200ms", "--iface", link.interfaceA(), "--hostname", "hosta")
        .awaitStdoutLine(line -> line.startsWith("mcast-time-server: sending to"), WAIT);

    CommandResult client = hosts.hostB().launchJava(NetkitMain.class, "mcast-time-client",
        "--count", "2").awaitExit(WAIT);

    assertThat(client.exitCode()).as(client.stderr()).isZero();
    assertThat(client.stdout().lines()).hasSize(2).allMatch(line -> line.matches(
        link.addressA().getHostAddress() + ": \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d "
            + "\\d{4}/hosta"));
  }

  @Test
  void twoChatClientsOnTwoHostsTalkThroughTheGroup(TwoHosts hosts) throws Exception {
    NetworkNamespace hostA = hosts.hostA();
    VethLink link = hosts.link();
    hostA.launchJava(NetkitMain.class, "mchat-server", "--bind", "0.0.0.0", "--iface",
            link.interfaceA())
        .awaitStdoutLine(line -> line.startsWith("mchat-server: listening on"), WAIT);
    CapturedProcess alice = hostA.launchJava(NetkitMain.class, "mchat-client", "127.0.0.1");
    CapturedProcess carol = hosts.hostB().launchJava(NetkitMain.class, "mchat-client",
        link.addressA().getHostAddress(), "2027", "2028");

    alice.typeLines("alice", "/join Weather");
    alice.awaitStdoutLine("\tWelcome to the Weather Channel (1 users)"::equals, WAIT);
    carol.typeLines("carol", "/join Weather");
    carol.awaitStdoutLine("\tWelcome to the Weather Channel (2 users)"::equals, WAIT);
    alice.awaitStdoutLine("\t<carol has entered Weather>"::equals, WAIT);
    alice.typeLines("hello from alice");
    carol.typeLines("/channels");

    carol.awaitStdoutLine("\talice [Weather]: hello from alice"::equals, WAIT);
    alice.awaitStdoutLine("\talice [Weather]: hello from alice"::equals, WAIT);
    carol.awaitStdoutLine(line -> line.startsWith("\t[Weather]"), WAIT);
    assertThat(carol.stdoutLines()).contains(
        "\t[Weather]            Talk about the weather                     2 users");
  }
}
