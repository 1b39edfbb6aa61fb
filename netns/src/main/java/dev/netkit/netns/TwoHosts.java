package dev.netkit.netns;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Two test hosts: two throw-away {@link NetworkNamespace}s, host A and host B, joined by a
 * {@link VethLink} on a private {@code /24} of {@code 198.18.0.0/15}, host A at {@code .1} and
 * host B at {@code .2}. This is the one two-host set-up of netkit, for tests (through
 * {@link WithTwoHosts}) and for the tour.
 *
 * <p>On each host the link is the only interface besides loopback, and it carries:
 * <ul>
 *   <li>unicast to the other host's address;</li>
 *   <li>broadcast: to the subnet's broadcast address ({@code link().broadcastAddress()}, set on
 *       both ends) and to {@code 255.255.255.255}, which is routed over the link;</li>
 *   <li>multicast: {@code 224.0.0.0/4} is routed over the link, so programs that name no
 *       interface send and join there.</li>
 * </ul>
 * Nothing sent on the link can reach a real interface: the pair is made inside the namespaces.
 *
 * <p>{@link #close()} kills every process still running on either host and deletes both
 * namespaces, and with them the link. Thread-safe.
 *
 * <pre>{@code
 * try (TwoHosts hosts = TwoHosts.create("demo")) {
 *   String b = hosts.link().addressB().getHostAddress();
 *   hosts.hostB().launchJava(EchoServerMain.class, b, "7").awaitStdoutLine("READY"::equals, WAIT);
 *   CommandResult asked = hosts.hostA().launchJava(EchoClientMain.class, b, "7", "hi")
 *       .awaitExit(WAIT);
 * }
 * }</pre>
 *
 * <p>In a JUnit 5 test, {@link WithTwoHosts} makes and deletes them.
 */
public final class TwoHosts implements AutoCloseable {

  /** The multicast range, routed over the link on both hosts. */
  public static final String MULTICAST_ROUTE = "224.0.0.0/4";

  /** The limited broadcast address, routed over the link on both hosts. */
  public static final String LIMITED_BROADCAST_ROUTE = "255.255.255.255/32";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]{1,11}");

  private final NetworkNamespace hostA;
  private final NetworkNamespace hostB;
  private final VethLink link;

  private TwoHosts(NetworkNamespace hostA, NetworkNamespace hostB, VethLink link) {
    this.hostA = hostA;
    this.hostB = hostB;
    this.link = link;
  }

  /**
   * Creates the two hosts: namespaces {@code nk-LABELa-…} and {@code nk-LABELb-…}, the link up
   * with its addresses, and the broadcast and multicast routes. On failure whatever was made is
   * deleted again.
   *
   * @param label a short tag for the namespace names ({@code [a-z0-9]{1,11}})
   * @return the hosts
   * @throws IOException if an {@code ip} command fails (for example when not root), with its
   *     message
   * @throws IllegalArgumentException if {@code label} is not of the allowed form
   * @throws IllegalStateException if this JVM has too many namespaces open or made too many links
   *     ({@link NetworkNamespace#MAX_OPEN}, {@link VethLink#MAX_LINKS})
   */
  public static TwoHosts create(String label) throws IOException {
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("label : " + label + " (expected: [a-z0-9]{1,11})");
    }
    NetworkNamespace a = NetworkNamespace.create(label + "a");
    NetworkNamespace b = null;
    try {
      b = NetworkNamespace.create(label + "b");
      TwoHosts hosts = new TwoHosts(a, b, VethLink.connect(a, b));
      hosts.routeOverLink(MULTICAST_ROUTE);
      hosts.routeOverLink(LIMITED_BROADCAST_ROUTE);
      return hosts;
    } catch (IOException | RuntimeException e) {
      if (b != null) {
        b.close();
      }
      a.close();
      throw e;
    }
  }

  private void routeOverLink(String destination) throws IOException {
    hostA.ip("route", "add", destination, "dev", link.interfaceA());
    hostB.ip("route", "add", destination, "dev", link.interfaceB());
  }

  /**
   * Returns host A, the namespace at the link's {@code .1} end.
   *
   * @return host A
   */
  public NetworkNamespace hostA() {
    return hostA;
  }

  /**
   * Returns host B, the namespace at the link's {@code .2} end.
   *
   * @return host B
   */
  public NetworkNamespace hostB() {
    return hostB;
  }

  /**
   * Returns the link between the hosts, for their addresses and interface names.
   *
   * @return the veth link, end A on host A
   */
  public VethLink link() {
    return link;
  }

  /**
   * Tells whether {@link #close()} has run.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return hostA.isClosed() && hostB.isClosed();
  }

  /**
   * Kills what still runs on both hosts and deletes them, and so the link. Idempotent.
   */
  @Override
  public void close() {
    link.close();
    hostA.close();
    hostB.close();
  }

  /**
   * Describes the hosts in one line.
   *
   * @return e.g. {@code host A 198.18.0.1 (netns nk-demoa-123-1) <-veth-> host B 198.18.0.2
   *     (netns nk-demob-123-2)}
   */
  @Override
  public String toString() {
    return "host A " + link.addressA().getHostAddress() + " (netns " + hostA.name()
        + ") <-veth-> host B " + link.addressB().getHostAddress() + " (netns " + hostB.name()
        + ")";
  }
}
