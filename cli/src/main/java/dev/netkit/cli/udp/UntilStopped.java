package dev.netkit.cli.udp;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a server program running until the JVM is asked to stop (Ctrl-C, SIGTERM) or
 * {@link #stop()} is called, then closes the server once.
 */
final class UntilStopped {

  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * Blocks until stopped, then closes the server.
   *
   * @param server what to close
   * @throws Exception if closing fails
   */
  void await(AutoCloseable server) throws Exception {
    Thread hook = new Thread(stopped::countDown, "netkit-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
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
