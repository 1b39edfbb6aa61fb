package dev.netkit.cli.tour;

import java.time.Duration;
import java.util.Objects;

/**
 * How one step ended.
 *
 * @param step the step's name
 * @param outcome passed, failed or skipped
 * @param reason why it failed or was skipped; empty when it passed
 * @param elapsed how long it ran
 */
public record StepResult(String step, Outcome outcome, String reason, Duration elapsed) {

  /**
   * Checks that every part is present.
   *
   * @throws NullPointerException if any part is null
   */
  public StepResult {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** How a step ended. */
  public enum Outcome {
    /** Everything the step checked happened. */
    PASS,
    /** The step threw, a check failed, or it ran out of time. */
    FAIL,
    /** The machine lacks something the step needs. */
    SKIP
  }
}
