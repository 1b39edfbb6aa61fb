package dev.netkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void closeKillsEveryProcessInsideEvenOnesItDidNotStart() throws Exception {
    NetworkNamespace namespace = NetworkNamespace.create("t");
    long orphan;
    try (namespace) {
      CapturedProcess shell = namespace.exec("sh", "-c", "sleep 600 & echo $!; exec sleep 600");
      orphan = Long.parseLong(shell.awaitStdoutLine(line -> line.matches("\\d+"), WAIT));
      assertThat(running(orphan)).isTrue();
    }
    await().atMost(WAIT).until(() -> !running(orphan));
    assertThat(namespacesListed()).doesNotContain(namespace.name());
  }

  /** Alive and not a zombie (a killed orphan may stay one: init here need not reap it). */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void startsAProcessWithTheBuildersRedirections(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.txt");
    try (NetworkNamespace namespace = NetworkNamespace.create("t")) {
      Process process = namespace.start(new ProcessBuilder("ip", "-o", "link")
          .redirectOutput(out.toFile()));

      assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(Files.readString(out)).contains("lo").doesNotContain("eth0");
    }
  }

  private static String namespacesListed() throws Exception {
    return Commands.run(null, java.util.List.of(Commands.ip(), "netns", "list")).stdout();
  }
}
