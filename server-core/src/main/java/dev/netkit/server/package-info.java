/**
 * The server cores of netkit: {@link dev.netkit.server.StreamServer}, one thread per connection
 * for TCP and UNIX-domain streams, and {@link dev.netkit.server.ReceiveLoop}, one thread that
 * receives and answers datagrams. Servers of other modules (the UNIX-domain wrap server, the
 * travesty server, the UDP and UNIX-domain datagram servers) are built on them and add only
 * their transport's set-up and their protocol.
 *
 * <h2>The stream server, step by step</h2>
 * <ol>
 *   <li><b>Binding.</b> A {@link dev.netkit.server.Binder} opens the listening channel at
 *       {@code start()}: {@link dev.netkit.server.Binder#to(java.net.SocketAddress, int)} for an
 *       {@link java.net.InetSocketAddress} or a {@link java.net.UnixDomainSocketAddress}, or a
 *       server's own (the UNIX-domain server claims its socket file safely).</li>
 *   <li><b>Accepting.</b> One thread accepts. With
 *       {@link dev.netkit.server.StreamServerConfig.WhenFull#WAIT} it stops accepting while
 *       {@code maxConnections} are served (clients wait in the backlog); with
 *       {@link dev.netkit.server.StreamServerConfig.WhenFull#REFUSE} it accepts and refuses.</li>
 *   <li><b>Admission</b>, in one place ({@code ConnectionTable.admit}): the
 *       {@link dev.netkit.server.PeerIdentity} names the peer (its IP address by default; a
 *       UNIX-domain server may use the peer's user id), and the connection is counted against
 *       {@code maxConnections} and {@code maxConnectionsPerPeer}. Over a limit, the
 *       {@link dev.netkit.server.Refuser} may answer (travesty's {@code 421}) and the client is
 *       closed. Further admission rules (a per-address rate, say) belong here.</li>
 *   <li><b>Serving.</b> Each admitted {@link dev.netkit.server.Connection} gets a platform
 *       thread that runs the {@link dev.netkit.server.ConnectionHandler}. Handlers use the
 *       blocking channel as it comes (travesty needs that for TCP urgent data) or the timed
 *       {@link dev.netkit.server.ConnectionIo} view.</li>
 *   <li><b>Deadlines.</b> One watchdog thread per server checks every connection a few times per
 *       idle timeout: no progress ({@link dev.netkit.server.Connection#touch()}, a watched
 *       counter, or the reads and writes of {@code ConnectionIo}) for the idle timeout, or a
 *       passed {@link dev.netkit.server.Connection#setDeadline(java.time.Duration) deadline} (a
 *       whole line must arrive in time, say), and the connection is interrupted: by default its
 *       channel is shut down both ways, which wakes its thread without closing the descriptor
 *       under it.</li>
 *   <li><b>Failures.</b> Whatever a handler throws, an {@link java.lang.Error} included, is
 *       logged, and the connection's place, slot and channel are freed; the other connections
 *       and the accepting thread go on. A handler frees what it holds itself in
 *       {@code finally}.</li>
 *   <li><b>Closing.</b> {@code close()} stops accepting, interrupts every connection, waits a
 *       bounded time for the handlers' threads, then closes the channels of those still
 *       running.</li>
 * </ol>
 *
 * <p>{@link dev.netkit.server.StreamServer#stats()} gives a
 * {@link dev.netkit.server.StreamServerStats} snapshot. Every limit is in
 * {@link dev.netkit.server.StreamServerConfig}, immutable, built with its builder.
 */
package dev.netkit.server;
