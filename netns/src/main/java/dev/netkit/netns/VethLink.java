package dev.netkit.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A veth pair joining two {@link NetworkNamespace}s: one end in each, both up, with the addresses
 * {@code .1} (end A) and {@code .2} (end B) of a {@code /24} of the private test subnet
 * {@code 198.18.0.0/15} (the RFC 2544 benchmarking range, used by nothing on the host) and the
 * subnet's broadcast address, so broadcast and multicast between the two work.
 *
 * <p>The pair is created directly inside the namespaces (never in the root namespace), so its
 * traffic cannot reach a real interface. Each link of a JVM gets its own subnet (up to
 * {@value #MAX_LINKS} links per JVM). Deleting either namespace deletes the link.
 * {@link TwoHosts} is the usual set-up built on it (routes for broadcast and multicast too).
 */
public final class VethLink implements AutoCloseable {

  /** The prefix length of each link's subnet. */
  public static final int PREFIX_LENGTH = 24;

  /** How many links one JVM may make in its lifetime (each takes one /24 of 198.18.0.0/15). */
  public static final int MAX_LINKS = 512;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final NetworkNamespace namespaceA;
  private final NetworkNamespace namespaceB;
  private final String interfaceA;
  private final String interfaceB;
  private final String subnetPrefix;

  private VethLink(NetworkNamespace a, NetworkNamespace b, int id) {
    this.namespaceA = a;
    this.namespaceB = b;
    this.interfaceA = "nk" + id + "a";
    this.interfaceB = "nk" + id + "b";
    this.subnetPrefix = "198." + (18 + id / 256) + "." + (id % 256) + ".";
  }

  /**
   * Creates a link between two namespaces, addresses assigned and both ends up.
   *
   * @param a the namespace of end A (address {@code .1})
   * @param b the namespace of end B (address {@code .2})
   * @return the link
   * @throws IOException if an {@code ip} command fails
   * @throws IllegalStateException if this JVM already made 512 links
   * @throws IllegalArgumentException if {@code a} and {@code b} are the same namespace
   */
  public static VethLink connect(NetworkNamespace a, NetworkNamespace b) throws IOException {
    if (a == b) {
      throw new IllegalArgumentException("a veth link needs two namespaces, got " + a + " twice");
    }
    int id = COUNTER.getAndIncrement();
    if (id >= MAX_LINKS) {
      throw new IllegalStateException("veth links : " + (id + 1) + " (expected: <= " + MAX_LINKS
          + ")");
    }
    VethLink link = new VethLink(a, b, id);
    Commands.runChecked(Commands.ip(), "link", "add", link.interfaceA, "netns", a.name(),
        "type", "veth", "peer", "name", link.interfaceB, "netns", b.name());
    try {
      link.configure(a, link.interfaceA, link.subnetPrefix + "1");
      link.configure(b, link.interfaceB, link.subnetPrefix + "2");
    } catch (IOException | RuntimeException e) {
      link.close();
      throw e;
    }
    return link;
  }

  private void configure(NetworkNamespace namespace, String device, String address)
      throws IOException {
    namespace.ip("addr", "add", address + "/" + PREFIX_LENGTH, "broadcast", "+", "dev", device);
    namespace.ip("link", "set", device, "up");
  }

  /**
   * Returns the address of end A.
   *
   * @return the {@code .1} address of the link's subnet
   */
  public InetAddress addressA() {
    return address("1");
  }

  /**
   * Returns the address of end B.
   *
   * @return the {@code .2} address of the link's subnet
   */
  public InetAddress addressB() {
    return address("2");
  }

  /**
   * Returns the broadcast address of the link's subnet.
   *
   * @return the {@code .255} address
   */
  public InetAddress broadcastAddress() {
    return address("255");
  }

  private InetAddress address(String host) {
    try {
      return InetAddress.getByName(subnetPrefix + host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a numeric address cannot fail to parse", e);
    }
  }

  /**
   * Returns the interface name of end A (inside namespace A).
   *
   * @return e.g. {@code nk0a}
   */
  public String interfaceA() {
    return interfaceA;
  }

  /**
   * Returns the interface name of end B (inside namespace B).
   *
   * @return e.g. {@code nk0b}
   */
  public String interfaceB() {
    return interfaceB;
  }

  /**
   * Returns the namespace of end A.
   *
   * @return the namespace
   */
  public NetworkNamespace namespaceA() {
    return namespaceA;
  }

  /**
   * Returns the namespace of end B.
   *
   * @return the namespace
   */
  public NetworkNamespace namespaceB() {
    return namespaceB;
  }

  /**
   * Deletes the pair (both ends) if namespace A still exists; a no-op otherwise.
   */
  @Override
  public void close() {
    if (namespaceA.isClosed()) {
      return;
    }
    try {
      namespaceA.ip("link", "del", interfaceA);
    } catch (IOException e) {
      // Already gone with namespace B; deleting the namespaces removes whatever is left.
    }
  }

  @Override
  public String toString() {
    return namespaceA.name() + ":" + interfaceA + " " + addressA().getHostAddress() + " <-> "
        + namespaceB.name() + ":" + interfaceB + " " + addressB().getHostAddress();
  }
}
