package dev.netkit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Tells peers apart, for the per-peer connection limit and the log: two connections with equal
 * identities come from the same peer. It runs on the accepting thread, once per connection, and
 * must not wait for the peer.
 */
@FunctionalInterface
public interface PeerIdentity {

  /**
   * The peer's IP address for TCP (every port of a host is one peer), and the remote address
   * otherwise (for UNIX-domain clients, which are usually unnamed, one identity for all; a
   * UNIX-domain server can tell them apart by their credentials instead).
   */
  PeerIdentity BY_ADDRESS = channel -> {
    SocketAddress remote = channel.getRemoteAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress() : remote;
  };

  /**
   * Returns the identity of a newly accepted peer.
   *
   * @param channel the accepted connection, blocking
   * @return an identity with {@code equals} and {@code hashCode}; not null
   * @throws IOException when it cannot be read; the server then closes the connection
   */
  Object identify(SocketChannel channel) throws IOException;
}
