/**
 * Test hosts in Linux network namespaces joined by veth: for tests of programs that broadcast,
 * multicast or need a second machine, without a packet ever reaching a real interface.
 *
 * <ul>
 *   <li>{@link dev.netkit.netns.TwoHosts}: the usual set-up, host A and host B, two namespaces
 *       joined by a veth pair on a private {@code /24} of {@code 198.18.0.0/15}, with broadcast
 *       and multicast ({@code 224.0.0.0/4}) routed over the link.</li>
 *   <li>{@link dev.netkit.netns.WithTwoHosts} and {@link dev.netkit.netns.TwoHostsExtension}:
 *       JUnit 5 gives a test a fresh {@code TwoHosts} parameter and deletes it afterwards, or skips
 *       the test with the reason where namespaces cannot be made.</li>
 *   <li>The primitives: {@link dev.netkit.netns.NetworkNamespace} (one namespace; runs
 *       {@code ip}, nftables rulesets, commands and child JVMs inside it),
 *       {@link dev.netkit.netns.VethLink} (a veth pair between two namespaces),
 *       {@link dev.netkit.netns.CapturedProcess} and {@link dev.netkit.netns.CommandResult} (a
 *       child whose output is read into memory, to wait for a line or for its exit), and
 *       {@link dev.netkit.netns.NamespaceSupport} and
 *       {@link dev.netkit.netns.RequiresNetworkNamespaces} (is this possible here?).</li>
 *   <li>Attack tests on loopback: {@link dev.netkit.netns.ForgedDatagrams} sends datagrams with a
 *       forged source (raw socket: root and {@code python3});
 *       {@link dev.netkit.netns.RequiresForgedDatagrams} skips a test where it cannot.</li>
 * </ul>
 *
 * <p>A test with two hosts: a server in a child JVM on host B, a client in a child JVM on host
 * A. Both mains are the test's own small programs, on the test class path.
 *
 * <pre>{@code
 * @WithTwoHosts
 * class EchoAcrossHostsIT {
 *   private static final Duration WAIT = Duration.ofSeconds(30);
 *
 *   @Test
 *   void theServerOnHostBAnswersHostA(TwoHosts hosts) throws Exception {
 *     String server = hosts.link().addressB().getHostAddress();
 *     hosts.hostB().launchJava(EchoServerMain.class, server, "7")
 *         .awaitStdoutLine("READY"::equals, WAIT);
 *
 *     CommandResult asked = hosts.hostA().launchJava(EchoClientMain.class, server, "7", "hi")
 *         .awaitExit(WAIT);
 *
 *     assertThat(asked.stdout()).isEqualTo("hi\n");
 *   }
 * }
 * }</pre>
 *
 * <p>Requirements: Linux, root, and iproute2 ({@code ip}); nftables ({@code nft}) for
 * {@link dev.netkit.netns.NetworkNamespace#applyNftables(String)}. Elsewhere tests under
 * {@code @WithTwoHosts} or {@code @RequiresNetworkNamespaces} are skipped, never failed, with a
 * reason such as {@code network namespaces need root (uid 1000)}.
 *
 * <p>Clean-up and limits: every namespace has a name unique to the run
 * ({@code nk-LABEL-PID-N}); closing it kills what runs inside and deletes it; namespaces still
 * open when the JVM exits are deleted then, and those of a JVM that died are deleted by the next
 * run. At most {@value dev.netkit.netns.NetworkNamespace#MAX_OPEN} namespaces are open at once
 * per JVM, every {@code ip} or {@code nft} command is bounded to 30 s, and captured output to
 * {@value dev.netkit.netns.CapturedProcess#MAX_LINES} lines per stream.
 *
 * <p>Only {@code WithTwoHosts}, {@code TwoHostsExtension}, {@code RequiresNetworkNamespaces},
 * {@code NetworkNamespaceCondition}, {@code RequiresForgedDatagrams} and
 * {@code ForgedDatagramsCondition} use JUnit, an optional dependency of this module: programs
 * such as {@code ./netkit tour} use the rest without it. The calling JVM always stays in the root
 * namespace; traffic is sent from inside the namespaces, by the processes started there.
 */
package dev.netkit.netns;
