package dev.netkit.server;

import dev.netkit.codec.Arguments;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection of a {@link StreamServer}, as its {@link ConnectionHandler} sees it:
 * the channel, who the peer is, and the server's bookkeeping of its progress and deadlines.
 *
 * <p><b>Two ways to do I/O.</b> Either use {@link #channel()} as it comes, in blocking mode, and
 * report progress ({@link #touch()}, {@link #watchProgress(LongSupplier)}); or use
 * {@link #io()}, whose reads and writes report progress themselves and fail when the server
 * interrupts the connection. Not both.
 *
 * <p><b>Interruptions.</b> The server interrupts a connection that made no progress for the
 * {@linkplain StreamServerConfig#idleTimeout() idle timeout} ({@link Interruption#IDLE}), that
 * passed a {@linkplain #setDeadline(Duration) deadline} ({@link Interruption#DEADLINE}), or when
 * the server closes ({@link Interruption#SERVER_CLOSING}). By default an interruption shuts the
 * channel down both ways, which wakes a thread blocked in a read (end of stream) or a write (an
 * error); the handler's thread then returns and the server closes the channel, so no descriptor
 * is closed under a thread that uses it. {@link #io()} and {@link #onInterrupt(Consumer)}
 * replace that.
 */
public final class Connection {

  /** Why the server interrupted a connection. */
  public enum Interruption {
    /** No progress for the idle timeout. */
    IDLE,
    /** The deadline set with {@link #setDeadline(Duration)} passed. */
    DEADLINE,
    /** The server is closing. */
    SERVER_CLOSING
  }

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final String name;
  private final long id;
  private final SocketChannel channel;
  private final SocketAddress remoteAddress;
  private final Object peer;
  private final long idleNanos;
  private volatile long touchedNanos;
  private volatile LongSupplier progress = () -> 0;
  private volatile long deadlineNanos;
  private volatile boolean hasDeadline;
  private volatile Interruption interruption;
  private volatile Consumer<Interruption> interrupter = this::shutdown;
  private ConnectionIo io;
  private volatile Thread thread;
  // Only the watchdog reads and writes these two.
  private long lastProgress;
  private long progressNanos;

  Connection(String name, long id, SocketChannel channel, SocketAddress remoteAddress,
      Object peer, Duration idleTimeout) {
    this.name = name;
    this.id = id;
    this.channel = channel;
    this.remoteAddress = remoteAddress;
    this.peer = peer;
    this.idleNanos = idleTimeout.toNanos();
    this.touchedNanos = System.nanoTime();
    this.progressNanos = touchedNanos;
  }

  /**
   * Returns the connected channel, in blocking mode unless {@link #io()} was called; for socket
   * options, credentials, urgent data, and I/O of the handler's own. Do not close it: the server
   * does when the handler returns.
   *
   * @return the channel
   */
  public SocketChannel channel() {
    return channel;
  }

  /**
   * Returns the peer's address as it was on arrival: a TCP address, or a UNIX-domain address
   * (usually unnamed).
   *
   * @return the address, or null if it could not be read
   */
  public SocketAddress remoteAddress() {
    return remoteAddress;
  }

  /**
   * Returns who the peer is, as the server's {@link PeerIdentity} tells peers apart.
   *
   * @return the identity
   */
  public Object peer() {
    return peer;
  }

  /**
   * Returns the connection's number, unique in its server, counting from 1 in order of arrival.
   *
   * @return the number
   */
  public long id() {
    return id;
  }

  /** Records progress now: the idle timeout starts over. Cheap; call it from any thread. */
  public void touch() {
    touchedNanos = System.nanoTime();
  }

  /**
   * Watches a counter of progress (bytes moved, say) that the handler keeps: whenever the server
   * sees it changed, the idle timeout starts over, as with {@link #touch()}. For handlers whose
   * reads happen where they cannot call {@link #touch()}.
   *
   * @param counter read from the server's watchdog thread, so it must be thread-safe
   */
  public void watchProgress(LongSupplier counter) {
    this.progress = Objects.requireNonNull(counter, "counter");
  }

  /**
   * Sets a deadline for the connection, whatever its progress: a whole request must arrive in
   * time, say. It replaces an earlier deadline. The server notices a passed deadline at its next
   * check, a quarter of the idle timeout later at most (10 ms to 1 s).
   *
   * @param fromNow positive
   * @throws IllegalArgumentException when not positive
   */
  public void setDeadline(Duration fromNow) {
    Arguments.checkPositive(fromNow, "deadline");
    deadlineNanos = System.nanoTime() + fromNow.toNanos();
    hasDeadline = true;
  }

  /** Removes the deadline set with {@link #setDeadline(Duration)}, if any. */
  public void clearDeadline() {
    hasDeadline = false;
  }

  /**
   * Returns why the server interrupted this connection.
   *
   * @return the first reason, or null while it was not interrupted
   */
  public Interruption interruption() {
    return interruption;
  }

  /**
   * Replaces what an interruption does (by default: shut the channel down both ways). The action
   * runs on the server's watchdog or closing thread, must not block, and may run more than once
   * (an idle connection that is still there when the server closes).
   *
   * @param action wakes the handler's thread; {@link #interruption()} is set when it runs
   */
  public void onInterrupt(Consumer<Interruption> action) {
    this.interrupter = Objects.requireNonNull(action, "action");
  }

  /**
   * Returns the timed I/O view of this connection, creating it on the first call: the channel is
   * switched to non-blocking mode, and interruptions make the view's waits fail.
   *
   * @return the same view on every call
   * @throws IOException when the channel cannot be made non-blocking
   */
  public synchronized ConnectionIo io() throws IOException {
    if (io == null) {
      io = new ConnectionIo(this);
      onInterrupt(why -> io.wake());
    }
    return io;
  }

  @Override
  public String toString() {
    return name + "#" + id + " " + remoteLabel();
  }

  /** Interrupts the connection (the first reason sticks) and runs the action. */
  void interrupt(Interruption why) {
    if (interruption == null) {
      interruption = why;
    }
    try {
      interrupter.accept(why);
    } catch (RuntimeException e) {
      LOG.warn("{}: interrupting failed", this, e);
    }
  }

  /**
   * The watchdog's check: polls the progress counter and tells whether the connection is to be
   * interrupted now.
   *
   * @return the reason, or null
   */
  Interruption expiry(long now) {
    if (interruption != null) {
      return null;
    }
    long counted = progress.getAsLong();
    if (counted != lastProgress) {
      lastProgress = counted;
      progressNanos = now;
    }
    long touched = touchedNanos;
    long active = touched - progressNanos > 0 ? touched : progressNanos;
    if (now - active > idleNanos) {
      return Interruption.IDLE;
    }
    if (hasDeadline && now - deadlineNanos > 0) {
      return Interruption.DEADLINE;
    }
    return null;
  }

  long idleTimeoutMillis() {
    return idleNanos / 1_000_000;
  }

  void thread(Thread thread) {
    this.thread = thread;
  }

  Thread thread() {
    return thread;
  }

  /** Closes the channel (and the selector of {@link #io()}); idempotent. */
  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("{}: close: {}", this, e.toString());
    }
    ConnectionIo view;
    synchronized (this) {
      view = io;
    }
    if (view != null) {
      view.closeSelector();
    }
  }

  private String remoteLabel() {
    String address = String.valueOf(remoteAddress);
    return address.isEmpty() ? "(unnamed peer)" : address;
  }

  private void shutdown(Interruption why) {
    try {
      channel.shutdownInput();
    } catch (IOException e) {
      LOG.debug("{}: shutdown of input after {}: {}", this, why, e.toString());
    }
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      LOG.debug("{}: shutdown of output after {}: {}", this, why, e.toString());
    }
  }
}
