package dev.netkit.cli.tour;

import dev.netkit.cli.NetkitMain;
import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.NamespaceSupport;
import dev.netkit.netns.NetworkNamespace;
import dev.netkit.netns.VethLink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two throw-away hosts for the steps that need separate machines (broadcast, multicast): two
 * network namespaces joined by a veth link on a private test subnet, each running netkit
 * programs in child JVMs. Everything is registered with the step's context, so the processes
 * are killed and the namespaces deleted when the step ends, also on a timeout or Ctrl-C. The
 * link joins only these two namespaces, so nothing they send reaches a real interface.
 */
final class TwoHosts {

  /**
   * JVM options of the child JVMs: start fast on small machines, and log with the launcher's own
   * configuration (servers say on stderr that they listen, which the steps wait for), whatever
   * configuration the tour itself runs with (the last {@code -D} of a property wins).
   */
  private static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xshare:auto", "-Dlogback.configurationFile=logback.xml");

  /** Set to {@code off} to run the tour as if namespaces were impossible here. */
  static final String NAMESPACES_PROPERTY = "netkit.tour.namespaces";

  private final StepContext context;
  private final VethLink link;

  private TwoHosts(StepContext context, VethLink link) {
    this.context = context;
    this.link = link;
  }

  /**
   * Says why the two hosts cannot be made here, if they cannot.
   *
   * @return the reason (not root, no {@code ip}, turned off through {@value #NAMESPACES_PROPERTY},
   *     …), or empty
   */
  static Optional<String> unavailabilityReason() {
    if ("off".equals(System.getProperty(NAMESPACES_PROPERTY))) {
      return Optional.of("turned off with -D" + NAMESPACES_PROPERTY + "=off");
    }
    return NamespaceSupport.unavailabilityReason(false);
  }

  /**
   * Creates the two hosts.
   *
   * @param context the step's context, which will delete them
   * @param label a short tag for the namespace names ({@code [a-z0-9]{1,10}})
   * @return the hosts, with the link up
   * @throws IOException if an {@code ip} command fails
   */
  static TwoHosts create(StepContext context, String label) throws IOException {
    NetworkNamespace a = context.use(NetworkNamespace.create(label + "a"));
    NetworkNamespace b = context.use(NetworkNamespace.create(label + "b"));
    VethLink link = context.use(VethLink.connect(a, b));
    return new TwoHosts(context, link);
  }

  /**
   * Routes multicast ({@code 224.0.0.0/4}) over the link on both hosts, so that programs that
   * name no interface send and join there.
   *
   * @throws IOException if an {@code ip} command fails
   */
  void routeMulticastOverLink() throws IOException {
    link.namespaceA().ip("route", "add", "224.0.0.0/4", "dev", link.interfaceA());
    link.namespaceB().ip("route", "add", "224.0.0.0/4", "dev", link.interfaceB());
  }

  /**
   * Types lines into a program started with its standard input left open.
   *
   * @param process the program
   * @param lines the lines, each sent with a newline
   * @throws IOException if the program no longer reads its input
   */
  static void type(CapturedProcess process, String... lines) throws IOException {
    OutputStream stdin = process.stdin();
    for (String line : lines) {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    stdin.flush();
  }

  /**
   * Returns the link, for its addresses.
   *
   * @return the veth link between host A and host B
   */
  VethLink link() {
    return link;
  }

  /**
   * Describes the hosts in one line.
   *
   * @return e.g. {@code host A 198.18.0.1 (netns …) <-veth-> host B 198.18.0.2 (netns …)}
   */
  String describe() {
    return "host A " + link.addressA().getHostAddress() + " (netns " + link.namespaceA().name()
        + ") <-veth-> host B " + link.addressB().getHostAddress() + " (netns "
        + link.namespaceB().name() + ")";
  }

  /**
   * Starts {@code ./netkit PROGRAM ARGS} on host A.
   *
   * @param input what to write to its standard input before closing it, or null to leave it open
   * @param args the program and its arguments
   * @return the running program, output captured
   * @throws IOException if it cannot start
   */
  CapturedProcess onA(String input, String... args) throws IOException {
    return launch(link.namespaceA(), input, args);
  }

  /**
   * Starts {@code ./netkit PROGRAM ARGS} on host B.
   *
   * @param input what to write to its standard input before closing it, or null to leave it open
   * @param args the program and its arguments
   * @return the running program, output captured
   * @throws IOException if it cannot start
   */
  CapturedProcess onB(String input, String... args) throws IOException {
    return launch(link.namespaceB(), input, args);
  }

  private CapturedProcess launch(NetworkNamespace host, String input, String... args)
      throws IOException {
    CapturedProcess process = context.use(host.launchJava(CHILD_JVM_OPTIONS,
        NetkitMain.class.getName(), List.of(args)));
    if (input != null) {
      try (OutputStream stdin = process.stdin()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    return process;
  }

  /**
   * Waits until a program has written a line containing {@code text} to its standard error (where
   * servers log that they listen).
   *
   * @param process the program
   * @param text what to look for
   * @param timeout how long at most
   * @throws StepCheckFailedException if it did not, with what it printed
   * @throws InterruptedException if interrupted
   */
  static void awaitStderr(CapturedProcess process, String text, Duration timeout)
      throws InterruptedException {
    try {
      Waits.until(() -> process.stderrLines().stream().anyMatch(line -> line.contains(text))
          || !process.process().isAlive(), timeout, "");
    } catch (StepCheckFailedException e) {
      // Reported below with the program's output.
    }
    if (process.stderrLines().stream().noneMatch(line -> line.contains(text))) {
      throw new StepCheckFailedException(String.join(" ", lastArgs(process)) + " did not print \""
          + text + "\"; stderr: " + String.join(" / ", process.stderrLines()));
    }
  }

  private static List<String> lastArgs(CapturedProcess process) {
    List<String> command = process.command();
    int main = command.indexOf(NetkitMain.class.getName());
    return main < 0 ? command : new ArrayList<>(command.subList(main + 1, command.size()));
  }
}
