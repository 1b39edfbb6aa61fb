package dev.netkit.multicast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.NetworkNamespace;
import dev.netkit.netns.TwoHosts;
import dev.netkit.netns.VethLink;
import dev.netkit.netns.WithTwoHosts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The multicast socket and the time beacon between child JVMs inside network namespaces: one
 * namespace whose loopback carries multicast, or {@link TwoHosts} (two namespaces joined by a
 * veth pair, 224.0.0.0/4 routed over it). No datagram can reach a real interface.
 */
@WithTwoHosts
class MulticastNamespaceIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  private static final String BEACON_LINE =
      "\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}/\\S+";

  /** Types a command to a peer and waits for its answer, which must be OK. */
  private static void peer(CapturedProcess peer, String command) throws Exception {
    long before = answers(peer, command);
    peer.typeLines(command);
    peer.awaitStdoutLine(line -> answers(peer, command) > before, WAIT);
    assertThat(peer.stdoutLines()).as(peer.stderr())
        .noneMatch(line -> line.startsWith("ERR "));
  }

  private static long answers(CapturedProcess peer, String command) {
    return peer.stdoutLines().stream()
        .filter(line -> line.equals("OK " + command) || line.startsWith("ERR " + command))
        .count();
  }

  /** Adds host .3 of A's /24 to A's interface: a second source address on A. */
  private static String addSecondAddressOnA(VethLink link) throws Exception {
    String first = link.addressA().getHostAddress();
    String second = first.substring(0, first.lastIndexOf('.')) + ".3";
    link.namespaceA().ip("addr", "add", second + "/24", "dev", link.interfaceA());
    return second;
  }

  /** A peer on B with a socket open on {@code open} ({@code "PORT"} or {@code "PORT 6"}). */
  private static CapturedProcess receiverOnB(VethLink link, String open) throws Exception {
    CapturedProcess receiver = link.namespaceB().launchJava(NamespaceChild.class, "peer");
    peer(receiver, "open " + open);
    return receiver;
  }

  /** A peer on A that sends by A's veth interface. */
  private static CapturedProcess senderOnA(VethLink link) throws Exception {
    CapturedProcess sender = link.namespaceA().launchJava(NamespaceChild.class, "peer");
    peer(sender, "iface " + link.interfaceA());
    return sender;
  }

  @Test
  void theBeaconCrossesTheVethPair(TwoHosts hosts) throws Exception {
    VethLink link = hosts.link();
    link.namespaceA().launchJava(NamespaceChild.class, "beacon-server", "2070",
        "224.225.226.227", "1", "200", link.interfaceA()).awaitStdoutLine("READY"::equals, WAIT);

    CapturedProcess client = link.namespaceB().launchJava(NamespaceChild.class,
        "beacon-client", "2070", "224.225.226.227");

    String beacon = client.awaitStdoutLine(line -> !line.equals("READY"), WAIT);
    assertThat(beacon).matches(link.addressA().getHostAddress() + ": " + BEACON_LINE);
  }

  @Test
  void timeToLiveZeroStaysOnTheSendingHost(TwoHosts hosts) throws Exception {
    VethLink link = hosts.link();
    CapturedProcess local = link.namespaceA().launchJava(NamespaceChild.class, "beacon-client",
        "2070", "224.225.226.227");
    CapturedProcess remote = link.namespaceB().launchJava(NamespaceChild.class,
        "beacon-client", "2070", "224.225.226.227");
    local.awaitStdoutLine("READY"::equals, WAIT);
    remote.awaitStdoutLine("READY"::equals, WAIT);

    link.namespaceA().launchJava(NamespaceChild.class, "beacon-server", "2070",
        "224.225.226.227", "0", "100", link.interfaceA());

    local.awaitStdoutLine(line -> local.stdoutLines().size() > 3, WAIT);
    assertThat(local.stdoutLines().subList(1, 4)).allMatch(line -> line.matches(
        link.addressA().getHostAddress() + ": " + BEACON_LINE));
    assertThat(remote.stdoutLines()).containsExactly("READY");
  }

  @Test
  void dropStopsDelivery() throws Exception {
    try (NetworkNamespace host = NetworkNamespace.create("mcast")) {
      dropStopsDeliveryOnLoopback(host.enableLoopbackMulticast());
    }
  }

  private static void dropStopsDeliveryOnLoopback(NetworkNamespace host) throws Exception {
    CapturedProcess peer = host.launchJava(NamespaceChild.class, "peer");
    peer(peer, "open 5000");
    peer(peer, "join 239.1.1.1 lo");
    peer(peer, "join 239.1.1.2 lo");
    peer(peer, "iface lo");
    peer(peer, "send - 239.1.1.1 5000 first");
    peer.awaitStdoutLine("RECV 127.0.0.1: first"::equals, WAIT);
    peer(peer, "groups");
    assertThat(peer.stdoutLines()).contains("GROUPS 239.1.1.1 on lo, 239.1.1.2 on lo");

    peer(peer, "drop 239.1.1.1");
    peer(peer, "send - 239.1.1.1 5000 second");
    peer(peer, "send - 239.1.1.2 5000 marker");

    peer.awaitStdoutLine("RECV 127.0.0.1: marker"::equals, WAIT);
    assertThat(peer.stdoutLines()).doesNotContain("RECV 127.0.0.1: second");
    peer(peer, "groups");
    assertThat(peer.stdoutLines()).contains("GROUPS 239.1.1.2 on lo");
  }

  @Test
  void aSourceSpecificJoinReceivesOnlyItsSource(TwoHosts hosts) throws Exception {
    VethLink link = hosts.link();
    String wanted = link.addressA().getHostAddress();
    String other = addSecondAddressOnA(link);
    CapturedProcess receiver = receiverOnB(link, "5001");
    peer(receiver, "join 232.1.1.1 " + link.interfaceB() + " " + wanted);
    CapturedProcess sender = senderOnA(link);

    peer(sender, "send " + other + " 232.1.1.1 5001 unwanted");
    peer(sender, "send " + wanted + " 232.1.1.1 5001 wanted");

    receiver.awaitStdoutLine(("RECV " + wanted + ": wanted")::equals, WAIT);
    assertThat(receiver.stdoutLines()).noneMatch(line -> line.contains("unwanted"));
  }

  @Test
  void aBlockedSourceIsNotReceivedUntilUnblocked(TwoHosts hosts) throws Exception {
    VethLink link = hosts.link();
    String good = link.addressA().getHostAddress();
    String blocked = addSecondAddressOnA(link);
    CapturedProcess receiver = receiverOnB(link, "5002");
    peer(receiver, "join 239.2.2.2 " + link.interfaceB());
    peer(receiver, "block 239.2.2.2 " + blocked);
    CapturedProcess sender = senderOnA(link);

    peer(sender, "send " + blocked + " 239.2.2.2 5002 one");
    peer(sender, "send " + good + " 239.2.2.2 5002 two");
    receiver.awaitStdoutLine(("RECV " + good + ": two")::equals, WAIT);
    assertThat(receiver.stdoutLines()).noneMatch(line -> line.endsWith(": one"));

    peer(receiver, "unblock 239.2.2.2 " + blocked);
    peer(sender, "send " + blocked + " 239.2.2.2 5002 three");
    receiver.awaitStdoutLine(("RECV " + blocked + ": three")::equals, WAIT);
  }

  @Test
  void ipv6GroupsWorkOnIpv6Endpoints(TwoHosts hosts) throws Exception {
    VethLink link = hosts.link();
    link.namespaceA().ip("-6", "addr", "add", "fd18::1/64", "dev", link.interfaceA(), "nodad");
    link.namespaceB().ip("-6", "addr", "add", "fd18::2/64", "dev", link.interfaceB(), "nodad");
    CapturedProcess receiver = receiverOnB(link, "5003 6");
    peer(receiver, "join ff15::1234 " + link.interfaceB());
    CapturedProcess sender = senderOnA(link);

    peer(sender, "send fd18::1 ff15::1234 5003 six");

    receiver.awaitStdoutLine("RECV fd18:0:0:0:0:0:0:1: six"::equals, WAIT);
    peer(receiver, "groups");
    assertThat(receiver.stdoutLines()).contains(
        "GROUPS ff15:0:0:0:0:0:0:1234 on " + link.interfaceB());
  }
}
