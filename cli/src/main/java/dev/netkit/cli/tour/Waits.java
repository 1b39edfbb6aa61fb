package dev.netkit.cli.tour;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something a step's servers and clients do asynchronously, bounded in time. */
final class Waits {

  private static final long POLL_MILLIS = 10;

  private Waits() {
  }

  /**
   * Waits until {@code condition} holds.
   *
   * @param condition what to wait for
   * @param timeout how long at most
   * @param what what is awaited, for the failure message, e.g. {@code alice sees bob join}
   * @throws StepCheckFailedException if it does not hold in time
   * @throws InterruptedException if interrupted (the step timed out)
   */
  static void until(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new StepCheckFailedException(what + " (waited " + timeout.toMillis() + " ms)");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
