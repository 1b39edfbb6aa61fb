package dev.netkit.udp;

import dev.netkit.server.DatagramBatchStats;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * What every UDP server of this package does the same way: it runs a {@link DatagramServerGroup}
 * (one socket and thread, or several on one port) and exposes its lifecycle and counters, so
 * that {@link ReverseEchoServer} and {@link DaytimeServer} hold only their handlers and
 * configuration. Thread-safe.
 *
 * @param <S> the server's own type, which {@link #start()} returns
 */
abstract class AbstractDatagramServer<S extends AbstractDatagramServer<S>>
    implements AutoCloseable {

  private final DatagramServerGroup group;

  /**
   * Wraps a group that is not started yet.
   *
   * @param group the server's sockets and threads
   */
  AbstractDatagramServer(DatagramServerGroup group) {
    this.group = group;
  }

  /**
   * Binds the socket (every socket, with several threads) and starts serving.
   *
   * @return this server
   * @throws IOException if the address cannot be bound
   * @throws IllegalStateException if already started
   */
  public S start() throws IOException {
    group.start();
    return self();
  }

  /**
   * Returns the address the server is bound to (with the real port when bound to port 0).
   *
   * @return the bound address
   * @throws IllegalStateException if not started
   */
  public InetSocketAddress localAddress() {
    return group.localAddress();
  }

  /**
   * Returns what the server has done so far: datagrams received, replies sent, datagrams
   * dropped (oversize, refused source, rate-limited reply) and failed sends, summed over its
   * sockets.
   *
   * @return a snapshot of the counters; all zero before {@link #start()}
   */
  public DatagramServerStats stats() {
    return group.stats();
  }

  /**
   * Returns how many datagrams the server's system calls moved, and in how many calls.
   *
   * @return a snapshot of the counters, summed over its sockets; all zero before
   *     {@link #start()}
   */
  public DatagramBatchStats ioStats() {
    return group.ioStats();
  }

  /** Stops serving and releases the port. Idempotent. */
  @Override
  public void close() {
    group.close();
  }

  /** Returns this server as its own type, for {@link #start()}. */
  abstract S self();
}
