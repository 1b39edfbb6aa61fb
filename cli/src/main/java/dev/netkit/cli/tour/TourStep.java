package dev.netkit.cli.tour;

import java.time.Duration;

/**
 * One step of the tour: a short, bounded demonstration of one module, on loopback only.
 *
 * <p>A step reports what happened through {@link StepContext#say(String)} (real output of the
 * servers and clients it ran, never a claim), registers everything it opens with
 * {@link StepContext#use(AutoCloseable)} so that the runner closes it even on a timeout or
 * Ctrl-C, fails by throwing (for instance through {@link StepContext#check(boolean, String)}) and
 * skips through {@link StepContext#skip(String)} when the machine lacks something it needs.
 */
public interface TourStep {

  /** How long a step may take unless it says otherwise. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);

  /**
   * Returns the name used by {@code --step}.
   *
   * @return a short lower-case name, e.g. {@code udp}
   */
  String name();

  /**
   * Returns what the step shows, starting with the book's chapter.
   *
   * @return e.g. {@code chapter 18: UDP reverse echo, sequencing over a lossy link, daytime}
   */
  String chapter();

  /**
   * Returns how long the step may run before the runner stops it and counts it as failed.
   *
   * @return the time limit; {@link #DEFAULT_TIMEOUT} unless overridden
   */
  default Duration timeout() {
    return DEFAULT_TIMEOUT;
  }

  /**
   * Runs the demonstration.
   *
   * @param context where output goes and resources are registered
   * @throws Exception if the demonstration failed (the step then counts as failed), or
   *     {@link StepSkippedException} if it cannot run here
   */
  void run(StepContext context) throws Exception;
}
