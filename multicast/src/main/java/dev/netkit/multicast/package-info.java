/**
 * Multicast (chapter 21): a multicast socket API, the time-of-day beacon and the multicast chat
 * built on {@code dev.netkit.chat}.
 *
 * <ul>
 *   <li>{@link dev.netkit.multicast.MulticastEndpoint}: the book's {@code IO::Socket::Multicast}
 *       on {@link java.nio.channels.DatagramChannel}: TTL, loopback, outgoing interface,
 *       join/drop (any-source and source-specific), block/unblock, the list of memberships; its
 *       class comment lists the JDK pitfalls it handles (IPv4 groups on IPv6 sockets, interfaces
 *       without the MULTICAST flag, several receivers on one port, loopback semantics).
 *       {@link dev.netkit.multicast.MulticastInterfaces} finds and checks interfaces.</li>
 *   <li>{@link dev.netkit.multicast.TimeBeaconServer} and
 *       {@link dev.netkit.multicast.TimeBeaconReceiver}: {@code <ctime>/<hostname>} to
 *       224.225.226.227 port 2070 every 15 s (figures 21.4, 21.5).</li>
 *   <li>{@link dev.netkit.multicast.MulticastFanOut}: chat-core's server, unchanged, sending
 *       channel traffic once to each channel's group; {@link
 *       dev.netkit.multicast.MulticastChatClient}: chat-core's client plus a data socket that
 *       follows JOIN_ACK and PART_ACK (figures 21.6-21.10).</li>
 * </ul>
 *
 * <p>Safety: multicast leaves the host by whatever interface the routing table picks. netkit's
 * own tests and benchmarks multicast only inside network namespaces they create.
 */
package dev.netkit.multicast;
