package dev.netkit.travesty.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends sessions that moved no byte, in either direction, for the idle timeout: a client that
 * stays silent at the prompt, and a client that stopped reading a generation (its session is
 * blocked in a write). One daemon thread per server; it shuts the connection down rather than
 * closing it, so that the session's thread, woken with an error or the end of the stream, is the
 * one that closes.
 */
final class IdleReaper implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(IdleReaper.class);

  private final Map<Session, long[]> seen = new ConcurrentHashMap<>();
  private final long timeoutNanos;
  private final long periodMillis;
  private volatile boolean stopped;

  IdleReaper(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    this.periodMillis = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
  }

  void add(Session session) {
    seen.put(session, new long[] {session.progress(), System.nanoTime()});
  }

  void remove(Session session) {
    seen.remove(session);
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
      long now = System.nanoTime();
      seen.forEach((session, last) -> check(session, last, now));
    }
  }

  private void check(Session session, long[] last, long now) {
    long progress = session.progress();
    if (progress != last[0]) {
      last[0] = progress;
      last[1] = now;
    } else if (now - last[1] > timeoutNanos) {
      LOG.info("{}: idle for {} ms, closing", session.peer(), timeoutNanos / 1_000_000);
      seen.remove(session);
      session.shutdown();
    }
  }
}
