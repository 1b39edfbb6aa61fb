package dev.netkit.cli.tour;

import dev.netkit.cli.NetkitMain;
import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.NamespaceSupport;
import dev.netkit.netns.NetworkNamespace;
import dev.netkit.netns.TwoHosts;
import dev.netkit.netns.VethLink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The tour's two hosts for the steps that need separate machines (broadcast, multicast): netkit's
 * {@link TwoHosts} (two network namespaces joined by a veth link on a private test subnet, with
 * broadcast and multicast routed over it), each running netkit programs in child JVMs. The hosts
 * are registered with the step's context, so the processes are killed and the namespaces deleted
 * when the step ends, also on a timeout or Ctrl-C. Nothing they send reaches a real interface.
 */
final class TourHosts {

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
  private final TwoHosts hosts;

  private TourHosts(StepContext context, TwoHosts hosts) {
    this.context = context;
    this.hosts = hosts;
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
   * @param label a short tag for the namespace names ({@code [a-z0-9]{1,11}})
   * @return the hosts, with the link up
   * @throws IOException if an {@code ip} command fails
   */
  static TourHosts create(StepContext context, String label) throws IOException {
    return new TourHosts(context, context.use(TwoHosts.create(label)));
  }

  /**
   * Returns the link, for its addresses and interface names.
   *
   * @return the veth link between host A and host B
   */
  VethLink link() {
    return hosts.link();
  }

  /**
   * Describes the hosts in one line.
   *
   * @return e.g. {@code host A 198.18.0.1 (netns …) <-veth-> host B 198.18.0.2 (netns …)}
   */
  String describe() {
    return hosts.toString();
  }

  /**
   * Starts {@code ./netkit PROGRAM ARGS} on host A, its standard input open.
   *
   * @param args the program and its arguments
   * @return the running program, output captured
   * @throws IOException if it cannot start
   */
  CapturedProcess onA(String... args) throws IOException {
    return launch(hosts.hostA(), args);
  }

  /**
   * Starts {@code ./netkit PROGRAM ARGS} on host B, its standard input open.
   *
   * @param args the program and its arguments
   * @return the running program, output captured
   * @throws IOException if it cannot start
   */
  CapturedProcess onB(String... args) throws IOException {
    return launch(hosts.hostB(), args);
  }

  private CapturedProcess launch(NetworkNamespace host, String... args) throws IOException {
    return context.use(host.launchJava(CHILD_JVM_OPTIONS, NetkitMain.class.getName(),
        List.of(args)));
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
      process.awaitStderrLine(line -> line.contains(text), timeout);
    } catch (TimeoutException e) {
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
