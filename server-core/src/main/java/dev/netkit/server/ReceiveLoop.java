package dev.netkit.server;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive-and-answer loop of a datagram server, UDP or UNIX-domain alike: one daemon thread
 * that runs one {@link Step} after the other until the socket closes. What one step does (receive
 * one datagram, answer it) is the server's; what the loop adds is the failure policy and the
 * lifecycle: an exception from a step, an {@link Error} included, costs that datagram only and is
 * logged (an {@link IOException} at debug level, anything else as a warning); the loop ends when
 * the socket is closed, and {@link #close()} closes it and waits for the thread.
 */
public final class ReceiveLoop implements AutoCloseable {

  /** How long {@link #close()} waits for the loop's thread. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
  private final FirstWarnings warnings = new FirstWarnings(LOG);

  /** One turn of the loop. */
  @FunctionalInterface
  public interface Step {

    /**
     * Receives one datagram, waiting for it, and answers it.
     *
     * @throws IOException when receiving or answering fails; a closed socket ends the loop
     */
    void receiveAndAnswer() throws IOException;
  }

  private final String name;
  private final AutoCloseable socket;
  private final BooleanSupplier isOpen;
  private final Step step;
  private Thread thread;
  private volatile boolean closed;

  /**
   * Creates a loop on a bound socket; nothing is received before {@link #start()}.
   *
   * @param name names the thread and the log lines
   * @param socket the bound socket; {@link #close()} closes it
   * @param isOpen tells whether the socket is still open
   * @param step receives and answers one datagram
   */
  public ReceiveLoop(String name, AutoCloseable socket, BooleanSupplier isOpen, Step step) {
    this.name = Objects.requireNonNull(name, "name");
    this.socket = Objects.requireNonNull(socket, "socket");
    this.isOpen = Objects.requireNonNull(isOpen, "isOpen");
    this.step = Objects.requireNonNull(step, "step");
  }

  /**
   * Starts the loop's thread.
   *
   * @return this loop
   * @throws IllegalStateException when started before, or closed
   */
  public synchronized ReceiveLoop start() {
    if (thread != null || closed) {
      throw new IllegalStateException(name + " already started or closed");
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /**
   * Closes the socket, which ends the loop, and waits up to {@link #CLOSE_TIMEOUT} for its
   * thread. Idempotent.
   */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = thread;
    }
    try {
      socket.close();
    } catch (Exception e) {
      LOG.debug("{}: close failed: {}", name, e.toString());
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(CLOSE_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    while (!ended()) {
      try {
        step.receiveAndAnswer();
      } catch (ClosedChannelException e) {
        break;
      } catch (IOException e) {
        if (!ended()) {
          LOG.debug("{}: {}", name, e.toString());
        }
      } catch (Throwable e) {
        // Even an Error costs this datagram only: the loop goes on.
        if (!ended()) {
          warnings.log(e.getClass(), "{}: a datagram failed; the server goes on", name, e);
        }
      }
    }
    LOG.debug("{}: stopped", name);
  }

  private boolean ended() {
    return closed || !isOpen.getAsBoolean();
  }
}
