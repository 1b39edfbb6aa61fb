package dev.netkit.server;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interrupts the connections of one server that made no progress for the idle timeout or passed
 * their deadline: one daemon thread per server, checking every quarter of the idle timeout
 * (10 ms to 1 s), so a connection is interrupted at most that much late.
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
      checkAll(System.nanoTime());
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
