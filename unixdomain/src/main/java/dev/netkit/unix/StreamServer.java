package dev.netkit.unix;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts stream connections on any bound {@link ServerSocketChannel} (UNIX-domain or TCP) and
 * serves each on a thread of its own with a {@link ConnectionHandler}: the transport-neutral core
 * of netkit's stream servers. At most {@link Limits#maxConnections()} connections are served at
 * once; further clients wait in the listen backlog until a slot frees up.
 */
public final class StreamServer implements AutoCloseable {

  /** How many connections are served at once by default. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  /** How long a connection may stay silent (or not read) by default. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #close()} waits for handlers to finish after closing their connections. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * The limits of a stream server.
   *
   * @param maxConnections connections served at once, at least 1 (default
   *     {@value StreamServer#DEFAULT_MAX_CONNECTIONS})
   * @param idleTimeout how long a read or write may wait for the peer (default 30 s)
   */
  public record Limits(int maxConnections, Duration idleTimeout) {

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Limits {
      if (maxConnections < 1) {
        throw new IllegalArgumentException(
            "maxConnections : " + maxConnections + " (expected: > 0)");
      }
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isZero() || idleTimeout.isNegative()) {
        throw new IllegalArgumentException("idleTimeout : " + idleTimeout + " (expected: > 0)");
      }
    }

    /**
     * Returns the default limits.
     *
     * @return {@value StreamServer#DEFAULT_MAX_CONNECTIONS} connections, 30 s idle timeout
     */
    public static Limits defaults() {
      return new Limits(DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(StreamServer.class);

  private final String name;
  private final ServerSocketChannel listener;
  private final ConnectionHandler handler;
  private final Limits limits;
  private final Semaphore slots;
  private final ThreadPoolExecutor workers;
  private final Set<StreamConnection> active = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  /**
   * Creates a server on a bound listener; nothing is accepted before {@link #start()}.
   *
   * @param name names the threads and log lines, e.g. {@code wrap-server}
   * @param listener a bound, blocking listener; the server owns and closes it
   * @param handler serves each connection
   * @param limits connection count and idle timeout
   */
  public StreamServer(String name, ServerSocketChannel listener, ConnectionHandler handler,
      Limits limits) {
    this.name = Objects.requireNonNull(name, "name");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.slots = new Semaphore(limits.maxConnections());
    AtomicInteger count = new AtomicInteger();
    // The semaphore bounds the connections; the pool itself is unbounded because a worker that
    // has released its slot may not be idle yet when the next connection is handed over.
    this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> daemon(r, name + "-conn-" + count.incrementAndGet()));
    this.acceptor = daemon(this::acceptLoop, name + "-accept");
  }

  /**
   * Starts accepting connections.
   *
   * @return this server
   * @throws IllegalStateException if it was started or closed before
   */
  public synchronized StreamServer start() {
    if (closed || acceptor.getState() != Thread.State.NEW) {
      throw new IllegalStateException(name + " already started or closed");
    }
    acceptor.start();
    return this;
  }

  /**
   * Returns the address the listener is bound to (for a UNIX-domain server bound through
   * {@link SocketFile}, the staging path; use {@link UnixStreamServer#path()} instead).
   *
   * @return the local address
   * @throws IOException if the listener is closed
   */
  public SocketAddress localAddress() throws IOException {
    return listener.getLocalAddress();
  }

  /**
   * Returns how many connections are being served right now.
   *
   * @return the count
   */
  public int activeConnections() {
    return active.size();
  }

  /**
   * Stops accepting, closes every connection and waits up to {@link #CLOSE_TIMEOUT} for the
   * handlers to return. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    closeQuietly(listener);
    acceptor.interrupt();
    for (StreamConnection connection : active) {
      closeQuietly(connection);
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{}: handlers still running {} after close", name, CLOSE_TIMEOUT);
      }
      if (acceptor.getState() != Thread.State.NEW) {
        acceptor.join(CLOSE_TIMEOUT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        return;
      }
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (ClosedChannelException e) {
        slots.release();
        return;
      } catch (IOException e) {
        slots.release();
        if (!closed) {
          log.warn("{}: accept failed: {}", name, e.toString());
        }
        continue;
      }
      dispatch(channel);
    }
  }

  private void dispatch(SocketChannel channel) {
    try {
      workers.execute(() -> serve(channel));
    } catch (RejectedExecutionException e) {
      closeQuietly(channel);
      slots.release();
    }
  }

  private void serve(SocketChannel channel) {
    StreamConnection connection = null;
    try {
      connection = new StreamConnection(channel, limits.idleTimeout());
      active.add(connection);
      if (closed) {
        return;
      }
      handler.handle(connection);
    } catch (IOException e) {
      if (!closed) {
        log.debug("{}: connection failed: {}", name, e.toString());
      }
    } catch (RuntimeException e) {
      log.warn("{}: handler failed", name, e);
    } finally {
      if (connection != null) {
        active.remove(connection);
        closeQuietly(connection);
      } else {
        closeQuietly(channel);
      }
      slots.release();
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
