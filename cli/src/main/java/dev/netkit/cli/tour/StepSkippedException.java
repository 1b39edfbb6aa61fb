package dev.netkit.cli.tour;

/** Thrown by a step that cannot run on this machine; the message says why. */
public final class StepSkippedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why the step cannot run, e.g. {@code the native library did not load: …}
   */
  public StepSkippedException(String reason) {
    super(reason);
  }
}
