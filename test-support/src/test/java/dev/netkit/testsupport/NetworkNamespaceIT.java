package dev.netkit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

@RequiresNetworkNamespaces(nftables = true)
class NetworkNamespaceIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void createsANamespaceWithLoopbackUpAndDeletesItOnClose() throws Exception {
    NetworkNamespace namespace = NetworkNamespace.create("t");
    try (namespace) {
      assertThat(namespace.name()).matches("nk-t-\\d+-\\d+");
      assertThat(namespacesListed()).contains(namespace.name());
      assertThat(namespace.ip("-o", "link", "show", "lo").stdout()).contains("UP");
    }
    assertThat(namespace.isClosed()).isTrue();
    assertThat(namespacesListed()).doesNotContain(namespace.name());
  }

  @Test
  void runsCommandsInsideTheNamespace() throws Exception {
    try (NetworkNamespace namespace = NetworkNamespace.create("t")) {
      CommandResult result = namespace.exec("ip", "-o", "link").awaitExit(WAIT);

      assertThat(result.succeeded()).isTrue();
      assertThat(result.stdout()).contains("lo").doesNotContain("eth0");
    }
  }

  @Test
  void enablesMulticastOnLoopback() throws Exception {
    try (NetworkNamespace namespace = NetworkNamespace.create("t").enableLoopbackMulticast()) {
      assertThat(namespace.ip("-o", "link", "show", "lo").stdout()).contains("MULTICAST");
      assertThat(namespace.ip("route", "show", "224.0.0.0/4").stdout()).contains("dev lo");
    }
  }

  @Test
  void vethLinkCarriesDatagramsBetweenChildJvms() throws Exception {
    try (NetworkNamespace client = NetworkNamespace.create("ta");
        NetworkNamespace server = NetworkNamespace.create("tb");
        VethLink link = VethLink.connect(client, server)) {
      assertThat(link.addressA().getHostAddress()).startsWith("198.1").endsWith(".1");
      CapturedProcess serve = server.launchJava(DatagramPing.class, "serve",
          link.addressB().getHostAddress(), "4000");
      serve.awaitStdoutLine("READY"::equals, WAIT);

      CommandResult asked = client.launchJava(DatagramPing.class, "ask",
          link.addressB().getHostAddress(), "4000").awaitExit(WAIT);

      assertThat(asked.stdout()).as(asked.stderr()).isEqualTo("pong:ping\n");
    }
  }

  @Test
  void nftablesRulesetDropsTheClientsDatagrams() throws Exception {
    try (NetworkNamespace client = NetworkNamespace.create("ta");
        NetworkNamespace server = NetworkNamespace.create("tb");
        VethLink link = VethLink.connect(client, server)) {
      client.applyNftables("table inet blocked {\n chain out {\n"
          + "  type filter hook output priority 0; policy accept;\n  udp dport 4000 drop\n }\n}\n");
      assertThat(client.exec("nft", "list", "ruleset").awaitExit(WAIT).stdout())
          .contains("udp dport 4000 drop");
      server.launchJava(DatagramPing.class, "serve", link.addressB().getHostAddress(), "4000")
          .awaitStdoutLine("READY"::equals, WAIT);

      CommandResult asked = client.launchJava(DatagramPing.class, "ask",
          link.addressB().getHostAddress(), "4000").awaitExit(WAIT);

      assertThat(asked.stdout()).as(asked.stderr()).isEqualTo("NO REPLY\n");
    }
  }

  @Test
  void rejectsABadRulesetWithNftsMessage() throws Exception {
    try (NetworkNamespace namespace = NetworkNamespace.create("t")) {
      assertThatThrownBy(() -> namespace.applyNftables("table nonsense {"))
          .hasMessageContaining("nft");
    }
  }

  @Test
  void refusesToRunInAClosedNamespace() throws Exception {
    NetworkNamespace namespace = NetworkNamespace.create("t");
    namespace.close();

    assertThatThrownBy(() -> namespace.exec("true"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Namespace closed: " + namespace.name());
  }

  private static String namespacesListed() throws Exception {
    return Commands.run(null, java.util.List.of(Commands.ip(), "netns", "list")).stdout();
  }
}
