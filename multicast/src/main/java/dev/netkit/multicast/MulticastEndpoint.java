package dev.netkit.multicast;

import dev.netkit.codec.Arguments;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A UDP socket for multicast in the spirit of the book's {@code IO::Socket::Multicast}, on top of
 * {@link DatagramChannel} and {@link MembershipKey}: time to live, loopback, outgoing interface,
 * {@code join}/{@code drop} (any-source and source-specific), {@code block}/{@code unblock} of a
 * source, and the list of memberships — which the operating system cannot report, but this class
 * keeps.
 *
 * <pre>
 *   try (MulticastEndpoint socket = MulticastEndpoint.open(StandardProtocolFamily.INET)) {
 *     socket.bind(2070);                                  // SO_REUSEADDR is already on
 *     socket.join(InetAddress.getByName("224.225.226.227"));
 *     InetSocketAddress sender = socket.receive(buffer);
 *   }
 * </pre>
 *
 * <p>JDK pitfalls handled here:
 * <ul>
 *   <li><b>IPv4 groups on IPv6 sockets.</b> {@code DatagramChannel.open()} makes an IPv6 socket
 *       on a dual-stack host; IPv4 groups joined on it, and IPv4 TTL and interface settings, work
 *       on some systems and silently not on others. An endpoint has one family
 *       ({@link StandardProtocolFamily#INET} for IPv4 groups, {@code INET6} for IPv6 groups) and
 *       refuses a group of the other family with an {@link IllegalArgumentException};
 *       {@link #forGroup(InetAddress)} picks the family from the group.</li>
 *   <li><b>Interfaces without the MULTICAST flag.</b> The JDK lets a join or
 *       {@code IP_MULTICAST_IF} name such an interface (Linux's loopback, until
 *       {@code ip link set lo multicast on}) and the datagrams then go nowhere. Interfaces are
 *       checked: down or not multicast-capable is an {@link IllegalArgumentException}.</li>
 *   <li><b>Several receivers on one port.</b> {@code SO_REUSEADDR} only counts when set before
 *       {@code bind}; {@link #open} sets it, so every program on a host can bind the group's
 *       port. Which of them get a datagram differs: Linux's default ({@code IP_MULTICAST_ALL})
 *       hands it to every socket on the port if any socket joined the group, but the JDK turns
 *       that off for its sockets, so a JDK socket gets only the groups it joined itself. Programs
 *       that share a port should still check what they receive, as the chat client does.</li>
 *   <li><b>Loopback the right way round.</b> {@link StandardSocketOptions#IP_MULTICAST_LOOP}
 *       {@code true} means "deliver my datagrams to local members too", while the old
 *       {@code java.net.MulticastSocket.setLoopbackMode(true)} means the opposite (it
 *       <em>disables</em> loopback). {@link #setLoopback(boolean)} means what it says.</li>
 *   <li><b>The outgoing interface as an interface.</b> The getter returns the
 *       {@link NetworkInterface}, not an {@code ip_mreqn} structure or an address to decode.</li>
 * </ul>
 *
 * <p>Joins without an interface use {@link #defaultInterface()}. Thread-safe; receiving may run
 * on one thread while another joins, drops or sends.
 */
public final class MulticastEndpoint implements AutoCloseable {

  /** The largest time to live. */
  public static final int MAX_TTL = 255;

  private final StandardProtocolFamily family;
  private final DatagramChannel channel;
  private final List<MembershipKey> memberships = new ArrayList<>();

  private MulticastEndpoint(StandardProtocolFamily family, DatagramChannel channel) {
    this.family = family;
    this.channel = channel;
  }

  /**
   * Opens an unbound endpoint of one family, with {@code SO_REUSEADDR} on.
   *
   * @param family {@link StandardProtocolFamily#INET} for IPv4 groups, {@code INET6} for IPv6
   * @return the endpoint, blocking, not bound
   * @throws IOException if the socket cannot be opened
   * @throws IllegalArgumentException if {@code family} is {@code UNIX}
   */
  public static MulticastEndpoint open(StandardProtocolFamily family) throws IOException {
    Objects.requireNonNull(family, "family");
    if (family == StandardProtocolFamily.UNIX) {
      throw new IllegalArgumentException("family : UNIX (expected: INET or INET6)");
    }
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new MulticastEndpoint(family, channel);
  }

  /**
   * Opens an unbound endpoint of the group's family.
   *
   * @param group a multicast group
   * @return the endpoint, as {@link #open(StandardProtocolFamily)}
   * @throws IOException if the socket cannot be opened
   * @throws IllegalArgumentException if {@code group} is not a multicast address
   */
  public static MulticastEndpoint forGroup(InetAddress group) throws IOException {
    return open(familyOf(checkMulticast(group)));
  }

  /**
   * Binds the endpoint to a port on every address (the usual receiver).
   *
   * @param port 0-65535; 0 picks a free port
   * @return this endpoint
   * @throws IOException if the port cannot be bound
   * @throws IllegalArgumentException if {@code port} is out of range
   */
  public MulticastEndpoint bind(int port) throws IOException {
    return bind(new InetSocketAddress(port));
  }

  /**
   * Binds the endpoint to an address and port.
   *
   * @param local the address (wildcard, a unicast address for sending from it, or a group to
   *     receive only that group's datagrams) and port
   * @return this endpoint
   * @throws IOException if it cannot be bound
   */
  public MulticastEndpoint bind(InetSocketAddress local) throws IOException {
    channel.bind(local);
    return this;
  }

  /**
   * Returns the protocol family.
   *
   * @return INET or INET6
   */
  public StandardProtocolFamily family() {
    return family;
  }

  /**
   * Returns the underlying channel, for selectors and options this class does not cover. Joining
   * or dropping through it bypasses {@link #memberships()}.
   *
   * @return the channel
   */
  public DatagramChannel channel() {
    return channel;
  }

  /**
   * Returns the bound address.
   *
   * @return the address and port, or null when not bound
   * @throws IOException if closed
   */
  public InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /**
   * Returns the time to live of outgoing multicast datagrams.
   *
   * @return 0-255 (the system default is 1)
   * @throws IOException if closed
   */
  public int timeToLive() throws IOException {
    return channel.getOption(StandardSocketOptions.IP_MULTICAST_TTL);
  }

  /**
   * Sets the time to live of outgoing multicast datagrams: 0 keeps them on this host, 1 on the
   * local network, larger values let multicast routers forward them.
   *
   * @param ttl 0-{@value #MAX_TTL}
   * @return this endpoint
   * @throws IOException if closed
   * @throws IllegalArgumentException if out of range
   */
  public MulticastEndpoint setTimeToLive(int ttl) throws IOException {
    channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, checkTimeToLive(ttl));
    return this;
  }

  /**
   * Checks a time to live.
   *
   * @param ttl the value
   * @return {@code ttl}
   * @throws IllegalArgumentException unless 0-{@value #MAX_TTL}
   */
  public static int checkTimeToLive(int ttl) {
    return Arguments.checkInRange(ttl, 0, MAX_TTL, "ttl");
  }

  /**
   * Makes a freshly opened endpoint a sender: time to live, loopback on (receivers on this host
   * hear it), the outgoing interface if one is named, bound to a free port. Closes the endpoint
   * if any step fails.
   *
   * @param opened the endpoint, just opened
   * @param ttl the time to live, 0-255
   * @param outgoingInterface the interface name to send by, or empty for the routing table's
   * @return {@code opened}, ready to send
   * @throws IOException if an option cannot be set or the port bound
   * @throws IllegalArgumentException if the time to live is out of range or the interface does
   *     not exist or cannot multicast
   */
  static MulticastEndpoint sender(MulticastEndpoint opened, int ttl,
      Optional<String> outgoingInterface) throws IOException {
    try {
      opened.setTimeToLive(ttl).setLoopback(true);
      if (outgoingInterface.isPresent()) {
        opened.setOutgoingInterface(outgoingInterface.get());
      }
      return opened.bind(0);
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /**
   * Tells whether this host's own members of a group receive what this endpoint sends to it.
   *
   * @return true when looped back (the system default)
   * @throws IOException if closed
   */
  public boolean isLoopback() throws IOException {
    return channel.getOption(StandardSocketOptions.IP_MULTICAST_LOOP);
  }

  /**
   * Sets whether this host's own members receive what this endpoint sends ({@code true}: they
   * do — unlike {@code java.net.MulticastSocket.setLoopbackMode}, whose {@code true} disables).
   *
   * @param loopback true to deliver locally too
   * @return this endpoint
   * @throws IOException if closed
   */
  public MulticastEndpoint setLoopback(boolean loopback) throws IOException {
    channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, loopback);
    return this;
  }

  /**
   * Returns the interface multicast datagrams leave by, if one was set.
   *
   * @return the interface, or empty when the routing table decides
   * @throws IOException if closed
   */
  public Optional<NetworkInterface> outgoingInterface() throws IOException {
    return Optional.ofNullable(channel.getOption(StandardSocketOptions.IP_MULTICAST_IF));
  }

  /**
   * Sets the interface multicast datagrams leave by.
   *
   * @param name an interface name such as {@code eth0}
   * @return this endpoint
   * @throws IOException if closed or the interfaces cannot be listed
   * @throws IllegalArgumentException if there is no such interface, or it is down or not
   *     multicast-capable
   */
  public MulticastEndpoint setOutgoingInterface(String name) throws IOException {
    return setOutgoingInterface(MulticastInterfaces.byName(name));
  }

  /**
   * Sets the interface multicast datagrams leave by, given one of its addresses.
   *
   * @param address a local address
   * @return this endpoint
   * @throws IOException if closed or the interfaces cannot be listed
   * @throws IllegalArgumentException if no interface has the address, or it is down or not
   *     multicast-capable
   */
  public MulticastEndpoint setOutgoingInterface(InetAddress address) throws IOException {
    return setOutgoingInterface(MulticastInterfaces.byAddress(address));
  }

  /**
   * Sets the interface multicast datagrams leave by.
   *
   * @param networkInterface the interface
   * @return this endpoint
   * @throws IOException if closed
   * @throws IllegalArgumentException if it is down or not multicast-capable
   */
  public MulticastEndpoint setOutgoingInterface(NetworkInterface networkInterface)
      throws IOException {
    channel.setOption(StandardSocketOptions.IP_MULTICAST_IF,
        MulticastInterfaces.checkUsable(networkInterface));
    return this;
  }

  /**
   * Returns the interface joins use when none is given: the outgoing interface if one is set,
   * else {@link MulticastInterfaces#defaultFor(StandardProtocolFamily)}.
   *
   * @return the interface
   * @throws IOException if closed, or no interface is up, multicast-capable and has an address
   *     of this family
   */
  public NetworkInterface defaultInterface() throws IOException {
    Optional<NetworkInterface> outgoing = outgoingInterface();
    return outgoing.isPresent() ? outgoing.get() : MulticastInterfaces.defaultFor(family);
  }

  /**
   * Joins a group on the {@link #defaultInterface()}, from any source.
   *
   * @param group the group
   * @return the membership (already a member: the existing one)
   * @throws IOException if the join fails
   * @throws IllegalArgumentException if {@code group} is not a multicast address of this
   *     endpoint's family
   */
  public Membership join(InetAddress group) throws IOException {
    checkGroup(group);
    return join(group, defaultInterface());
  }

  /**
   * Joins a group on an interface, from any source.
   *
   * @param group the group
   * @param networkInterface where to receive it
   * @return the membership (already a member: the existing one)
   * @throws IOException if the join fails
   * @throws IllegalArgumentException if {@code group} is not a multicast address of this
   *     endpoint's family, or the interface is down or not multicast-capable
   */
  public Membership join(InetAddress group, NetworkInterface networkInterface)
      throws IOException {
    checkGroup(group);
    MulticastInterfaces.checkUsable(networkInterface);
    synchronized (memberships) {
      return record(channel.join(group, networkInterface));
    }
  }

  /**
   * Joins a group on an interface for the datagrams of one source only (source-specific
   * multicast, {@code IP_ADD_SOURCE_MEMBERSHIP}).
   *
   * @param group the group
   * @param networkInterface where to receive it
   * @param source the only sender to receive from (a unicast address of the same family)
   * @return the membership
   * @throws IOException if the join fails, or the endpoint is already an any-source member of
   *     the group on that interface
   * @throws IllegalArgumentException if an address is of the wrong kind or family, or the
   *     interface is down or not multicast-capable
   */
  public Membership join(InetAddress group, NetworkInterface networkInterface,
      InetAddress source) throws IOException {
    checkGroup(group);
    checkSource(source);
    MulticastInterfaces.checkUsable(networkInterface);
    synchronized (memberships) {
      return record(channel.join(group, networkInterface, source));
    }
  }

  private Membership record(MembershipKey key) {
    if (!memberships.contains(key)) {
      memberships.add(key);
    }
    return Membership.of(key);
  }

  /**
   * Leaves a group on every interface it was joined on (any-source and source-specific).
   *
   * @param group the group
   * @return how many memberships were dropped (0 when not a member)
   * @throws IllegalArgumentException if {@code group} is not a multicast address of this
   *     endpoint's family
   */
  public int drop(InetAddress group) {
    checkGroup(group);
    return dropWhere(key -> key.group().equals(group));
  }

  /**
   * Leaves a group on one interface (any-source and source-specific memberships).
   *
   * @param group the group
   * @param networkInterface the interface it was joined on
   * @return how many memberships were dropped (0 when not a member there)
   * @throws IllegalArgumentException if {@code group} is not a multicast address of this
   *     endpoint's family
   */
  public int drop(InetAddress group, NetworkInterface networkInterface) {
    checkGroup(group);
    Objects.requireNonNull(networkInterface, "networkInterface");
    return dropWhere(key -> key.group().equals(group)
        && key.networkInterface().equals(networkInterface));
  }

  private int dropWhere(java.util.function.Predicate<MembershipKey> match) {
    synchronized (memberships) {
      List<MembershipKey> matching = memberships.stream().filter(match).toList();
      matching.forEach(MembershipKey::drop);
      memberships.removeAll(matching);
      return matching.size();
    }
  }

  /**
   * Stops receiving one source's datagrams on every any-source membership of a group.
   *
   * @param group the group
   * @param source the sender to block
   * @return how many memberships now block it
   * @throws IOException if the system cannot block sources
   * @throws IllegalArgumentException if an address is of the wrong kind or family
   * @throws IllegalStateException if the endpoint is not an any-source member of the group
   */
  public int block(InetAddress group, InetAddress source) throws IOException {
    checkGroup(group);
    checkSource(source);
    List<MembershipKey> keys = anySourceKeys(group);
    for (MembershipKey key : keys) {
      key.block(source);
    }
    return keys.size();
  }

  /**
   * Receives a blocked source's datagrams again.
   *
   * @param group the group
   * @param source the sender to unblock
   * @return how many memberships unblocked it
   * @throws IllegalArgumentException if an address is of the wrong kind or family
   * @throws IllegalStateException if the endpoint is not an any-source member of the group
   */
  public int unblock(InetAddress group, InetAddress source) {
    checkGroup(group);
    checkSource(source);
    List<MembershipKey> keys = anySourceKeys(group);
    int unblocked = 0;
    for (MembershipKey key : keys) {
      try {
        key.unblock(source);
        unblocked++;
      } catch (IllegalStateException e) {
        // Not blocked on this interface: nothing to undo there.
      }
    }
    return unblocked;
  }

  private List<MembershipKey> anySourceKeys(InetAddress group) {
    synchronized (memberships) {
      List<MembershipKey> keys = memberships.stream()
          .filter(key -> key.group().equals(group) && key.sourceAddress() == null).toList();
      if (keys.isEmpty()) {
        throw new IllegalStateException("not an any-source member of "
            + group.getHostAddress());
      }
      return keys;
    }
  }

  /**
   * Returns the memberships, in the order they were joined.
   *
   * @return a snapshot (immutable)
   */
  public List<Membership> memberships() {
    synchronized (memberships) {
      return memberships.stream().filter(MembershipKey::isValid).map(Membership::of).toList();
    }
  }

  /**
   * Tells whether the endpoint is a member of a group on any interface.
   *
   * @param group the group
   * @return true if joined
   */
  public boolean isMember(InetAddress group) {
    synchronized (memberships) {
      return memberships.stream().anyMatch(key -> key.group().equals(group) && key.isValid());
    }
  }

  /**
   * Sends a datagram.
   *
   * @param datagram the bytes from position to limit (consumed)
   * @param to a group and port (or any other address)
   * @return bytes sent (0 if the socket buffer was full in non-blocking mode)
   * @throws IOException if sending fails
   */
  public int send(ByteBuffer datagram, SocketAddress to) throws IOException {
    return channel.send(datagram, to);
  }

  /**
   * Receives a datagram, waiting for one in blocking mode.
   *
   * @param into where the bytes go (a longer datagram is cut off)
   * @return the sender, or null in non-blocking mode when nothing waits
   * @throws IOException if receiving fails or the endpoint is closed
   */
  public InetSocketAddress receive(ByteBuffer into) throws IOException {
    return (InetSocketAddress) channel.receive(into);
  }

  /** Closes the socket; the system drops its memberships. Idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (memberships) {
      memberships.clear();
    }
    channel.close();
  }

  private void checkGroup(InetAddress group) {
    checkMulticast(group);
    if (familyOf(group) != family) {
      throw new IllegalArgumentException("group : " + group.getHostAddress() + " is "
          + familyOf(group) + " (expected: an " + family + " group; open an endpoint of the "
          + "group's family, e.g. MulticastEndpoint.forGroup)");
    }
  }

  private void checkSource(InetAddress source) {
    Objects.requireNonNull(source, "source");
    if (source.isMulticastAddress() || familyOf(source) != family) {
      throw new IllegalArgumentException("source : " + source.getHostAddress()
          + " (expected: an " + family + " unicast address)");
    }
  }

  /**
   * Checks that an address is a multicast group.
   *
   * @param group the address
   * @return {@code group}
   * @throws IllegalArgumentException if it is not in 224.0.0.0/4 or ff00::/8
   */
  public static InetAddress checkMulticast(InetAddress group) {
    Objects.requireNonNull(group, "group");
    if (!group.isMulticastAddress()) {
      throw new IllegalArgumentException("group : " + group.getHostAddress()
          + " is not a multicast address (expected: 224.0.0.0/4 or ff00::/8)");
    }
    return group;
  }

  static StandardProtocolFamily familyOf(InetAddress address) {
    return address instanceof Inet4Address ? StandardProtocolFamily.INET
        : StandardProtocolFamily.INET6;
  }

  /**
   * One membership of an endpoint.
   *
   * @param group the group
   * @param networkInterface the interface it was joined on
   * @param source the only source received from, for a source-specific membership
   */
  public record Membership(InetAddress group, NetworkInterface networkInterface,
      Optional<InetAddress> source) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public Membership {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(networkInterface, "networkInterface");
      Objects.requireNonNull(source, "source");
    }

    static Membership of(MembershipKey key) {
      return new Membership(key.group(), key.networkInterface(),
          Optional.ofNullable(key.sourceAddress()));
    }

    @Override
    public String toString() {
      return group.getHostAddress() + " on " + networkInterface.getName()
          + source.map(s -> " from " + s.getHostAddress()).orElse("");
    }
  }
}
