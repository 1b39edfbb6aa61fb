package dev.netkit.urgent;

import dev.netkit.jni.internal.Poll;
import dev.netkit.jni.internal.PollWaker;
import dev.netkit.jni.internal.SocketDescriptors;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that waits for urgent data on a socket ({@code poll} for {@code POLLPRI}) and
 * calls an {@link UrgentListener}: the Java form of the book's {@code SIGURG} handler (figure
 * 17.3), without signals and without {@code F_SETOWN}.
 *
 * <p>For each urgent byte the watcher reads it out of band and passes it on; with
 * {@code SO_OOBINLINE} on it reports {@link UrgentRead.Status#INLINE} once instead. Normal data is
 * left for the program to read with {@link UrgentSocket#read(byte[], int, int)} (or
 * {@link UrgentSocket#inputStream()}): such a read does not go past an urgent byte until the
 * listener has returned, as the book's reads resume only after its {@code SIGURG} handler. (A
 * read through the socket's own stream that starts at the mark would make Linux drop the byte
 * before the watcher sees it.) One watcher per socket.
 *
 * <p><b>No spinning.</b> {@code POLLPRI} is a level, not an event: with urgent data inline it
 * stays set until the program reads the urgent byte from the stream, on some systems it stays
 * set after the out-of-band read until normal data is read (the reason for the book's
 * {@code $ok_to_read_oob} flag in figure 17.4), and an announced byte that has not arrived yet
 * ({@link UrgentRead.Status#NOT_ARRIVED_YET}) cannot be read at all. So after each event the
 * watcher stops waiting for {@code POLLPRI} and only samples it, every
 * {@code rearmInterval} (default {@value #DEFAULT_REARM_MILLIS} ms): a byte that arrives
 * meanwhile is read and reported; once {@code POLLPRI} is clear, the watcher waits for it again.
 * On Linux, where an out-of-band read clears {@code POLLPRI} at once, that happens right after the
 * listener returns.
 *
 * <p><b>No missed data.</b> Urgent data that arrived before {@link #start()} is reported at once,
 * since {@code POLLPRI} is already set: the race of the book's server between {@code accept} and
 * {@code fcntl(F_SETOWN)} does not exist here.
 *
 * <p><b>Stopping.</b> {@link #close()} stops the watcher at once. Closing the socket stops it
 * too: the watcher checks every {@code closeCheckInterval} (default
 * {@value #DEFAULT_CLOSE_CHECK_MILLIS} ms), because closing a descriptor does not wake
 * {@code poll}. It polls its own duplicate of the socket's descriptor, so a socket closed meanwhile
 * can never make it read from an unrelated, reused descriptor; the price is that the connection
 * itself (its FIN) is released only when the watcher notices, within that interval. So close the
 * watcher before the socket. The watcher also stops when the connection is over
 * ({@code POLLHUP}, {@code POLLERR}) or a read fails ({@link #failure()}).
 */
public final class UrgentWatcher implements AutoCloseable {

  /** Default of the interval at which a watcher checks whether its socket was closed. */
  public static final long DEFAULT_CLOSE_CHECK_MILLIS = 100;
  /** Default of the interval at which a watcher samples a lasting urgent condition. */
  public static final long DEFAULT_REARM_MILLIS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(UrgentWatcher.class);
  private static final long STOP_WAIT_MILLIS = 5_000;

  private final UrgentSocket socket;
  private final UrgentListener listener;
  private final int closeCheckMillis;
  private final int rearmMillis;
  private final Object lock = new Object();
  private Thread thread;
  private PollWaker waker;
  private boolean stopping;
  private boolean finished;
  private volatile IOException failure;
  private final AtomicLong polls = new AtomicLong();

  /**
   * Creates a watcher with the default intervals; {@link #start()} starts it.
   *
   * @param socket the socket to watch
   * @param listener called for each urgent event
   */
  public UrgentWatcher(UrgentSocket socket, UrgentListener listener) {
    this(socket, listener, Duration.ofMillis(DEFAULT_CLOSE_CHECK_MILLIS),
        Duration.ofMillis(DEFAULT_REARM_MILLIS));
  }

  /**
   * Creates a watcher; {@link #start()} starts it.
   *
   * @param socket the socket to watch
   * @param listener called for each urgent event
   * @param closeCheckInterval how often to check whether the socket was closed, 1 ms to 1 min
   * @param rearmInterval how often to sample a lasting urgent condition, 1 ms to 1 min
   * @throws IllegalArgumentException when an interval is out of range
   */
  public UrgentWatcher(UrgentSocket socket, UrgentListener listener, Duration closeCheckInterval,
      Duration rearmInterval) {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.closeCheckMillis = millis("closeCheckInterval", closeCheckInterval);
    this.rearmMillis = millis("rearmInterval", rearmInterval);
  }

  private static int millis(String name, Duration interval) {
    long millis = Objects.requireNonNull(interval, name).toMillis();
    if (millis < 1 || millis > 60_000) {
      throw new IllegalArgumentException(name + " : " + interval
          + " (expected: 1 ms to 1 min)");
    }
    return (int) millis;
  }

  /**
   * Starts the watcher's daemon thread.
   *
   * @return this watcher
   * @throws IllegalStateException when it was started before
   * @throws IOException when the socket is closed, or its descriptor cannot be duplicated
   */
  public UrgentWatcher start() throws IOException {
    synchronized (lock) {
      if (thread != null) {
        throw new IllegalStateException("watcher already started");
      }
      socket.endpoint().ensureOpen();
      socket.gate().attach(this);
      int fd;
      try {
        fd = SocketDescriptors.duplicate(socket.endpoint().descriptor());
      } catch (IOException | RuntimeException e) {
        socket.gate().detach(this);
        throw e;
      }
      try {
        waker = new PollWaker();
      } catch (IOException | RuntimeException e) {
        socket.gate().detach(this);
        SocketDescriptors.close(fd);
        throw e;
      }
      thread = new Thread(() -> run(fd),
          "netkit-urgent-watcher-" + socket.endpoint().localPort());
      thread.setDaemon(true);
      thread.start();
      return this;
    }
  }

  /**
   * Tells whether the watcher's thread is running.
   *
   * @return true between {@link #start()} and its end
   */
  public boolean isRunning() {
    synchronized (lock) {
      return thread != null && !finished;
    }
  }

  /**
   * Returns the error that stopped the watcher, if one did.
   *
   * @return the failed read or poll; empty while running or after a normal stop
   */
  public Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Stops the watcher and waits (up to 5 s, unless called from the listener) for its thread to
   * end; later calls do nothing. The socket stays open.
   */
  @Override
  public void close() {
    Thread running;
    synchronized (lock) {
      stopping = true;
      running = thread;
      if (running == null || finished) {
        return;
      }
      try {
        waker.wake();
      } catch (IOException e) {
        LOG.warn("cannot wake urgent watcher {}: {}", running.getName(), e.toString());
      }
    }
    socket.gate().wakeUp();
    if (running != Thread.currentThread()) {
      try {
        running.join(STOP_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run(int fd) {
    LOG.debug("watching {} for urgent data", socket);
    try {
      watch(fd);
    } catch (IOException e) {
      failure = e;
      LOG.warn("urgent watcher of {} stopped: {}", socket, e.toString());
    } catch (InterruptedException e) {
      LOG.debug("urgent watcher of {} interrupted", socket);
    } finally {
      socket.gate().detach(this);
      synchronized (lock) {
        finished = true;
        closeQuietly(fd);
      }
      LOG.debug("urgent watcher of {} ended", socket);
    }
  }

  /**
   * The loop: wait for POLLPRI while armed; after an event, sample it every rearm interval until
   * it clears (reads that wait for this watcher cut the pause short).
   */
  private void watch(int fd) throws IOException, InterruptedException {
    UrgentGate gate = socket.gate();
    gate.deliver(listener);
    boolean armed = true;
    while (!isStopping() && !socket.endpoint().isClosed()) {
      polls.incrementAndGet();
      int ready = Poll.poll(fd, Poll.PRI, waker, armed ? closeCheckMillis : 0);
      if ((ready & Poll.WOKEN) != 0) {
        return;
      }
      if ((ready & Poll.PRI) != 0) {
        gate.urgentCondition(fd);
        boolean delivered = gate.deliver(listener);
        if (!armed && !delivered) {
          if (ended(ready)) {
            return;
          }
          gate.pause(rearmMillis);
        }
        armed = false;
      } else if (ended(ready)) {
        return;
      } else if (!armed) {
        gate.conditionCleared();
        armed = true;
      }
    }
  }

  /** How often the watcher has polled the socket: lets tests prove that it does not spin. */
  long polls() {
    return polls.get();
  }

  private static boolean ended(int ready) {
    return (ready & (Poll.HUP | Poll.ERR | Poll.NVAL)) != 0;
  }

  private boolean isStopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  private void closeQuietly(int fd) {
    try {
      SocketDescriptors.close(fd);
      waker.close();
    } catch (IOException e) {
      LOG.warn("urgent watcher of {} could not release a descriptor: {}", socket, e.toString());
    }
  }
}
