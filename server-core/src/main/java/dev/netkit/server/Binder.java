package dev.netkit.server;

import dev.netkit.codec.Arguments;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.Objects;

/**
 * Opens and binds the listening channel of a {@link StreamServer} when it starts: a TCP or
 * UNIX-domain address ({@link #to(SocketAddress, int)}), or a server's own procedure (a socket
 * file claimed safely, say).
 */
@FunctionalInterface
public interface Binder {

  /**
   * Opens a blocking listening channel, bound and listening.
   *
   * @return the channel; the server owns and closes it
   * @throws IOException when it cannot be bound, e.g. a {@link java.net.BindException}
   */
  ServerSocketChannel bind() throws IOException;

  /**
   * Binds a TCP address ({@link InetSocketAddress}, with {@code SO_REUSEADDR} so that a restart
   * does not wait for old connections in {@code TIME_WAIT}) or a UNIX-domain path
   * ({@link UnixDomainSocketAddress}; the file must not exist).
   *
   * @param address where to listen; port 0 picks a free port
   * @param backlog how many connections may wait to be accepted, at least 1
   * @return the binder
   * @throws IllegalArgumentException for another kind of address or a backlog below 1
   */
  static Binder to(SocketAddress address, int backlog) {
    Objects.requireNonNull(address, "address");
    Arguments.checkPositive(backlog, "backlog");
    if (!(address instanceof InetSocketAddress) && !(address instanceof UnixDomainSocketAddress)) {
      throw new IllegalArgumentException("address : " + address
          + " (expected: an InetSocketAddress or a UnixDomainSocketAddress)");
    }
    return () -> {
      boolean inet = address instanceof InetSocketAddress;
      ServerSocketChannel channel = inet ? ServerSocketChannel.open()
          : ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        if (inet) {
          channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        }
        channel.bind(address, backlog);
        return channel;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    };
  }
}
