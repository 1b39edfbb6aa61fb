package dev.netkit.cli.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a server program running until the JVM is asked to stop (Ctrl-C, SIGTERM) or
 * {@link #stop()} is called, then closes the server once and runs the program's last words before
 * the JVM exits.
 */
public final class UntilStopped {

  /** Creates a stopper; {@link #await} waits for Ctrl-C or {@link #stop()}. */
  public UntilStopped() {
  }

  private static final long LAST_WORDS_SECONDS = 5;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  /**
   * Blocks until stopped, then closes the server and runs {@code lastWords}.
   *
   * @param server what to close
   * @param lastWords what to do after closing (e.g. print statistics)
   * @throws Exception if closing fails
   */
  public void await(AutoCloseable server, Runnable lastWords) throws Exception {
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        // The JVM halts when the hooks end: give the program time to close and report.
        finished.await(LAST_WORDS_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "netkit-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      server.close();
      lastWords.run();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down already.
      }
    }
  }

  /**
   * Blocks until stopped, then closes the server.
   *
   * @param server what to close
   * @throws Exception if closing fails
   */
  public void await(AutoCloseable server) throws Exception {
    await(server, () -> { });
  }

  /** Stops the program (for tests and embedding). */
  public void stop() {
    stopped.countDown();
  }
}
