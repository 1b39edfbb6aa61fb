package dev.netkit.server;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interrupts the connections of one server that made no progress for the idle timeout or passed
 * their deadline: one daemon thread per server, checking every quarter of the idle timeout
 * (10 ms to 1 s), so a connection is interrupted at most that much late. A failed check, even an
 * {@link Error}, is logged and the next one goes on.
 */
final class DeadlineWatchdog implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatchdog.class);

  private final ConnectionTable connections;
  private final Runnable onInterrupt;
  private final long periodMillis;
  private volatile boolean stopped;

  DeadlineWatchdog(ConnectionTable connections, Duration idleTimeout, Runnable onInterrupt) {
    this.connections = connections;
    this.onInterrupt = onInterrupt;
    this.periodMillis = Math.max(10, Math.min(1000, idleTimeout.toMillis() / 4));
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      try {
        checkAll(System.nanoTime());
      } catch (Throwable e) {
        // An Error (out of heap while another session holds it, say) must not end the
        // watchdog: every later session would then go unwatched. Try again next period.
        LOG.warn("idle and deadline check failed; trying again", e);
      }
    }
  }

  void checkAll(long now) {
    for (Connection connection : connections.snapshot()) {
      Connection.Interruption why;
      try {
        why = connection.expiry(now);
      } catch (RuntimeException e) {
        LOG.warn("{}: progress check failed", connection, e);
        continue;
      }
      if (why != null) {
        LOG.info("{}: interrupted: {}", connection, why == Connection.Interruption.IDLE
            ? "no progress for " + connection.idleTimeoutMillis() + " ms" : "deadline passed");
        onInterrupt.run();
        connection.interrupt(why);
      }
    }
  }
}
