package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.netns.CommandResult;
import dev.netkit.netns.NetworkNamespace;
import dev.netkit.netns.TwoHosts;
import dev.netkit.netns.WithTwoHosts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loss made by the kernel rather than by netkit's proxy: the client lives on host A of
 * {@link TwoHosts}, whose nftables output chain drops 30% of the datagrams to the server on
 * host B, across the veth link. A dropped datagram fails {@code send()} with EPERM, which the
 * client counts as lost.
 */
@WithTwoHosts(nftables = true)
class KernelLossIT {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int REQUESTS = 300;

  @Test
  void sequencedClientGetsEveryRequestThroughThirtyPercentKernelLoss(TwoHosts hosts)
      throws Exception {
    NetworkNamespace clientSide = hosts.hostA();
    NetworkNamespace serverSide = hosts.hostB();
    String serverAddress = hosts.link().addressB().getHostAddress();
    clientSide.applyNftables("table inet loss {\n"
        + "  chain out {\n"
        + "    type filter hook output priority 0; policy accept;\n"
        + "    ip daddr " + serverAddress + " udp dport 2007 numgen random mod 100 < 30 drop\n"
        + "  }\n"
        + "}\n");
    serverSide.launchJava(NamespaceEchoServerMain.class, serverAddress, "2007")
        .awaitStdoutLine(line -> line.startsWith("READY"), WAIT);

    CommandResult run = clientSide.launchJava(NamespaceSequencedLoadMain.class, serverAddress,
        "2007", String.valueOf(REQUESTS)).awaitExit(WAIT);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Map<String, Long> result = parse(run.stdout());
    assertThat(result.get("mismatches")).isZero();
    assertThat(result.get("answered") + result.get("givenUp")).isEqualTo(REQUESTS);
    assertThat(result.get("answered")).isGreaterThan(REQUESTS * 9 / 10);
    assertThat(result.get("sendErrors")).as("the kernel dropped some sends")
        .isBetween(REQUESTS / 10L, (long) REQUESTS);
    assertThat(result.get("retransmitted")).isPositive();
    System.out.println("kernel loss, " + REQUESTS + " requests: " + run.stdout().strip());
  }

  private static Map<String, Long> parse(String line) {
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.strip().split(" ")) {
      String[] parts = pair.split("=");
      values.put(parts[0], Long.parseLong(parts[1]));
    }
    return values;
  }
}
