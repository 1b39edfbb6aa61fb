package dev.netkit.chat.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.CommandResult;
import dev.netkit.netns.NetworkNamespace;
import dev.netkit.netns.TwoHosts;
import dev.netkit.netns.WithTwoHosts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcast discovery and the broadcast echo client, each run in a child JVM on one of two test
 * hosts (network namespaces joined by a veth pair): the broadcasts see only that veth (and the
 * namespace's loopback, which cannot broadcast), never the host's interfaces. The client runs on
 * host A, the server on host B.
 */
@WithTwoHosts
class BroadcastIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PORT = "2027";

  private TwoHosts hosts;

  @BeforeEach
  void useHosts(TwoHosts hosts) {
    this.hosts = hosts;
  }

  private NetworkNamespace client() {
    return hosts.hostA();
  }

  private NetworkNamespace server() {
    return hosts.hostB();
  }

  private String clientIp() {
    return hosts.link().addressA().getHostAddress();
  }

  private String serverIp() {
    return hosts.link().addressB().getHostAddress();
  }

  private String broadcastIp() {
    return hosts.link().broadcastAddress().getHostAddress();
  }

  @Test
  void theClientFindsTheServerByBroadcastAndLogsIn() throws Exception {
    server().launchJava(NamespaceChild.class, "server", PORT).awaitStdoutLine("READY"::equals, WAIT);

    CommandResult found = client().launchJava(NamespaceChild.class, "discover", PORT)
        .awaitExit(WAIT);

    assertThat(found.stdout()).as(found.stderr()).isEqualTo(
        "Broadcasting for a server on " + broadcastIp() + "\n"
        + "Found a server at " + serverIp() + ":" + PORT + "\n"
        + "\tLog in successful.  Welcome netns.\n");
  }

  @Test
  void withoutAServerDiscoveryFindsNothing() throws Exception {
    CommandResult found = client().launchJava(NamespaceChild.class, "discover", PORT)
        .awaitExit(WAIT);

    assertThat(found.stdout()).as(found.stderr()).isEqualTo(
        "Broadcasting for a server on " + broadcastIp() + "\nNONE\n");
  }

  @Test
  void anAnswerThatIsNotAChatErrorIsNotAServer() throws Exception {
    server().launchJava(NamespaceChild.class, "echo", PORT).awaitStdoutLine("READY"::equals, WAIT);

    CommandResult found = client().launchJava(NamespaceChild.class, "discover", PORT)
        .awaitExit(WAIT);

    assertThat(found.stdout()).as(found.stderr()).endsWith("\nNONE\n");
  }

  @Test
  void broadcastEchoPrintsEveryAnswerWithItsSize() throws Exception {
    server().launchJava(NamespaceChild.class, "echo", "7").awaitStdoutLine("READY"::equals, WAIT);
    client().launchJava(NamespaceChild.class, "echo", "7").awaitStdoutLine("READY"::equals, WAIT);
    CapturedProcess echo = client().launchJava(NamespaceChild.class, "broadcast-echo",
        broadcastIp(), "7");

    echo.typeLines("hi there", "this works");
    echo.closeInput();
    CommandResult result = echo.awaitExit(WAIT);

    assertThat(result.stdout().lines()).as(result.stderr()).containsExactlyInAnyOrder(
        "received 9 bytes from " + serverIp() + ":7",
        "received 9 bytes from " + clientIp() + ":7",
        "received 11 bytes from " + serverIp() + ":7",
        "received 11 bytes from " + clientIp() + ":7");
  }
}
