package dev.netkit.cli.tour;

/** Thrown when something a step checks did not happen; the message says what was expected. */
public final class StepCheckFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param expectation what should have happened, e.g. {@code reply is the reversed request}
   */
  public StepCheckFailedException(String expectation) {
    super(expectation);
  }
}
