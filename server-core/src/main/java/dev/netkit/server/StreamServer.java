package dev.netkit.server;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts stream connections, TCP or UNIX-domain, and serves each on a platform thread of its
 * own with a {@link ConnectionHandler}: the one stream server core of netkit (see the
 * {@linkplain dev.netkit.server package summary} for the design).
 *
 * <pre>{@code
 * StreamServerConfig config = StreamServerConfig.builder().name("echo").build();
 * Binder binder = Binder.to(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
 * try (StreamServer server = new StreamServer(config, binder, connection -> {
 *   ConnectionIo io = connection.io();
 *   ...
 * }).start()) {
 *   SocketAddress address = server.localAddress();
 * }
 * }</pre>
 *
 * <p>Threads: one accepting thread, one watchdog thread (idle timeouts and deadlines), and one
 * thread per connection, all daemons named after {@link StreamServerConfig#name()}.
 */
public final class StreamServer implements AutoCloseable {

  /** How long the accepting thread pauses after {@code accept} fails (out of descriptors, say). */
  static final long ACCEPT_ERROR_PAUSE_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);

  private final StreamServerConfig config;
  private final String name;
  private final Binder binder;
  private final ConnectionHandler handler;
  private final ConnectionTable connections;
  private final Semaphore slots;
  private final DeadlineWatchdog watchdog;
  private final AtomicLong ids = new AtomicLong();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder interrupted = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private volatile ServerSocketChannel listener;
  private volatile SocketAddress localAddress;
  private Thread acceptor;
  private Thread watchdogThread;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates a server; nothing is bound before {@link #start()}.
   *
   * @param config the limits and policies
   * @param binder opens the listening channel at start
   * @param handler serves each admitted connection
   */
  public StreamServer(StreamServerConfig config, Binder binder, ConnectionHandler handler) {
    this.config = Objects.requireNonNull(config, "config");
    this.name = config.name();
    this.binder = Objects.requireNonNull(binder, "binder");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.connections = new ConnectionTable(config.maxConnections(),
        config.maxConnectionsPerPeer());
    this.slots = config.whenFull() == StreamServerConfig.WhenFull.WAIT
        ? new Semaphore(config.maxConnections()) : null;
    this.watchdog = new DeadlineWatchdog(connections, config.idleTimeout(), interrupted::increment);
  }

  /**
   * Binds the listener and starts accepting.
   *
   * @return this server
   * @throws IOException when the binder fails, e.g. a {@link java.net.BindException}
   * @throws IllegalStateException when started before, or closed
   */
  public synchronized StreamServer start() throws IOException {
    if (listener != null || closed.get()) {
      throw new IllegalStateException(name + " already started or closed");
    }
    ServerSocketChannel bound = binder.bind();
    try {
      localAddress = bound.getLocalAddress();
    } catch (IOException e) {
      closeQuietly(bound);
      throw e;
    }
    listener = bound;
    acceptor = daemon(this::acceptLoop, name + "-accept");
    watchdogThread = daemon(watchdog, name + "-watchdog");
    acceptor.start();
    watchdogThread.start();
    LOG.info("{}: listening on {}", name, localAddress);
    LOG.debug("{}: {}", name, config);
    return this;
  }

  /**
   * Returns the address the listener is bound to: with the actual port when bound to port 0 (for
   * a UNIX-domain socket file claimed by a binder of its own, the path it bound, which may differ
   * from the final one).
   *
   * @return the local address
   * @throws IllegalStateException before {@link #start()}
   */
  public SocketAddress localAddress() {
    SocketAddress address = localAddress;
    if (address == null) {
      throw new IllegalStateException(name + " not started");
    }
    return address;
  }

  /**
   * Returns the configuration the server was built with.
   *
   * @return the configuration
   */
  public StreamServerConfig config() {
    return config;
  }

  /**
   * Returns a snapshot of the counters.
   *
   * @return the counters now
   */
  public StreamServerStats stats() {
    return new StreamServerStats(connections.size(), accepted.sum(), refused.sum(),
        interrupted.sum(), failed.sum());
  }

  /**
   * Stops accepting, interrupts every connection ({@link Connection.Interruption#SERVER_CLOSING})
   * and waits up to {@link StreamServerConfig#closeTimeout()} for their handlers to return; then
   * closes the channels of handlers still running. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ServerSocketChannel bound;
    synchronized (this) {
      bound = listener;
    }
    if (bound == null) {
      return;
    }
    closeQuietly(bound);
    acceptor.interrupt();
    watchdog.stop();
    watchdogThread.interrupt();
    for (Connection connection : connections.snapshot()) {
      connection.interrupt(Connection.Interruption.SERVER_CLOSING);
    }
    long deadline = System.nanoTime() + config.closeTimeout().toNanos();
    for (Connection connection : connections.snapshot()) {
      joinUntil(connection.thread(), deadline);
    }
    java.util.List<Connection> stuck = connections.snapshot();
    if (!stuck.isEmpty()) {
      LOG.warn("{}: {} handlers still running {} after close; closing their channels", name,
          stuck.size(), config.closeTimeout());
      stuck.forEach(Connection::close);
    }
    joinUntil(acceptor, deadline);
    joinUntil(watchdogThread, deadline);
    LOG.debug("{}: closed", name);
  }

  private void acceptLoop() {
    while (!closed.get()) {
      if (!acquireSlot()) {
        return;
      }
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (ClosedChannelException e) {
        releaseSlot();
        return;
      } catch (IOException e) {
        releaseSlot();
        if (!closed.get()) {
          LOG.warn("{}: accept failed: {}", name, e.toString());
          pauseAfterAcceptError();
        }
        continue;
      }
      try {
        admit(channel);
      } catch (Throwable e) {
        // Even an Error here costs this client only: the loop goes on.
        LOG.warn("{}: could not admit a client", name, e);
        closeQuietly(channel);
      }
    }
  }

  private void admit(SocketChannel channel) {
    accepted.increment();
    Connection connection = identify(channel);
    if (connection == null) {
      return;
    }
    Refusal refusal = connections.admit(connection);
    if (refusal != null) {
      refuse(connection, refusal);
      return;
    }
    if (closed.get()) {
      end(connection);
      return;
    }
    Thread thread = daemon(() -> serve(connection), name + "-conn-" + connection.id());
    connection.thread(thread);
    try {
      thread.start();
    } catch (Throwable e) {
      // No thread for it (a limit of the system): this client only is dropped.
      failed.increment();
      LOG.warn("{}: no thread for {}: {}", name, connection, e.toString());
      end(connection);
    }
  }

  /** Makes the connection's record, or drops the client when its identity cannot be read. */
  private Connection identify(SocketChannel channel) {
    long id = ids.incrementAndGet();
    try {
      SocketAddress remote = channel.getRemoteAddress();
      Object peer = Objects.requireNonNull(config.peerIdentity().identify(channel), "peer");
      return new Connection(name, id, channel, remote, peer, config.idleTimeout());
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: dropped client #{}: its identity cannot be read: {}", name, id,
          e.toString());
      closeQuietly(channel);
      releaseSlot();
      return null;
    }
  }

  private void refuse(Connection connection, Refusal refusal) {
    refused.increment();
    LOG.warn("{}: refused {}: {} (limit: {})", name, connection,
        refusal.reason() == Refusal.Reason.SERVER_FULL ? "too many connections"
            : "too many connections from this peer", refusal.limit());
    try {
      connection.channel().configureBlocking(false);
      config.refuser().refuse(connection.channel(), refusal);
    } catch (IOException | RuntimeException e) {
      LOG.debug("{}: refusing {}: {}", name, connection, e.toString());
    } finally {
      connection.close();
      releaseSlot();
    }
  }

  private void serve(Connection connection) {
    try {
      handler.handle(connection);
    } catch (IOException e) {
      if (!closed.get()) {
        LOG.debug("{}: ended: {}", connection, e.toString());
      }
    } catch (Throwable e) {
      failed.increment();
      LOG.warn("{}: handler failed; connection closed, server goes on", connection, e);
    } finally {
      end(connection);
    }
  }

  /** Frees what the connection held: its place in the table, its channel, its slot. */
  private void end(Connection connection) {
    connections.remove(connection);
    connection.close();
    releaseSlot();
  }

  private boolean acquireSlot() {
    if (slots == null) {
      return true;
    }
    try {
      slots.acquire();
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private void releaseSlot() {
    if (slots != null) {
      slots.release();
    }
  }

  private void pauseAfterAcceptError() {
    try {
      Thread.sleep(ACCEPT_ERROR_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void joinUntil(Thread thread, long deadline) {
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    long left = (deadline - System.nanoTime()) / 1_000_000;
    try {
      thread.join(Math.max(1, left));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable task, String threadName) {
    Thread thread = new Thread(task, threadName);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing on the way out: the error changes nothing.
    }
  }
}
