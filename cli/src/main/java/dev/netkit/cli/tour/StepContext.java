package dev.netkit.cli.tour;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * What a running {@link TourStep} sees: an output that indents its lines under the step's
 * header, and a register of resources the runner closes when the step ends, whether it passed,
 * failed, timed out or the tour was stopped with Ctrl-C.
 *
 * <p>Thread-safe: a step may print from callbacks on other threads. Once the step has ended,
 * further lines are dropped and resources registered late are closed at once.
 */
public final class StepContext implements AutoCloseable {

  /** The indentation of a step's output lines. */
  static final String INDENT = "   ";

  private final PrintWriter out;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<String> lines = new ArrayList<>();
  private boolean closed;

  /**
   * Creates a context that prints to {@code out}.
   *
   * @param out where the step's lines go
   */
  StepContext(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Prints one line of the step's output, indented.
   *
   * @param line what happened, e.g. a reply received; may contain no line breaks
   */
  public void say(String line) {
    synchronized (out) {
      synchronized (this) {
        if (closed) {
          return;
        }
        lines.add(line);
      }
      out.println(INDENT + line);
      out.flush();
    }
  }

  /**
   * Returns the lines printed so far.
   *
   * @return a snapshot, in order
   */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Registers a resource to close when the step ends; resources close in reverse order.
   *
   * @param resource a server, client, process, socket file or namespace
   * @param <T> the resource's type
   * @return {@code resource}, for chaining
   */
  public <T extends AutoCloseable> T use(T resource) {
    Objects.requireNonNull(resource, "resource");
    boolean late;
    synchronized (this) {
      late = closed;
      if (!late) {
        resources.push(resource);
      }
    }
    if (late) {
      closeQuietly(resource);
    }
    return resource;
  }

  /**
   * Fails the step unless {@code condition} holds.
   *
   * @param condition what the step expects to be true
   * @param expectation what was expected, as shown in the summary when it fails
   * @throws StepCheckFailedException if {@code condition} is false
   */
  public void check(boolean condition, String expectation) {
    if (!condition) {
      throw new StepCheckFailedException(expectation);
    }
  }

  /**
   * Skips the step.
   *
   * @param reason why it cannot run here, shown in the summary
   * @throws StepSkippedException always
   */
  public void skip(String reason) {
    throw new StepSkippedException(reason);
  }

  /**
   * Closes every registered resource, newest first, and stops further output. The resources are
   * closed without holding this context's lock, so that their threads can still finish a
   * {@link #say(String)} (dropped by then) while a {@code close()} waits for them.
   *
   * @return the errors of resources that failed to close (each was still attempted)
   */
  List<Exception> closeAll() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(resources);
      resources.clear();
    }
    List<Exception> errors = new ArrayList<>();
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        errors.add(e);
      }
    }
    return errors;
  }

  /** Closes every registered resource; errors are ignored (see {@link #closeAll()}). */
  @Override
  public void close() {
    closeAll();
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // The step is over; nothing is left to report to.
    }
  }
}
