package dev.netkit.cli.unix;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a server program running until the JVM is asked to stop (Ctrl-C, SIGTERM) or
 * {@link #stop()} is called, then closes the server (which removes its socket file) before the
 * JVM exits.
 */
final class UntilSignalled {

  private static final long CLOSE_SECONDS = 5;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  /**
   * Blocks until stopped, then closes the server.
   *
   * @param server what to close
   * @throws Exception if closing fails
   */
  void await(AutoCloseable server) throws Exception {
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        // The JVM halts when the hooks end: give the program time to close its server.
        closed.await(CLOSE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "netkit-unix-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      server.close();
    } finally {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down already.
      }
    }
  }

  /** Stops the program (for tests and embedding). */
  void stop() {
    stopped.countDown();
  }
}
