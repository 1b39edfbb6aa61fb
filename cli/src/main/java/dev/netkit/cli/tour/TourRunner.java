package dev.netkit.cli.tour;

import dev.netkit.cli.tour.StepResult.Outcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tour steps one after the other: prints each step's header and output, bounds it by its
 * {@link TourStep#timeout()}, closes what it opened, and prints a summary table at the end.
 *
 * <p>A JVM shutdown hook (Ctrl-C) closes the resources of the step that is running, so servers,
 * child processes, socket files and namespaces do not outlive the tour.
 */
public final class TourRunner {

  /** Exit status when every step passed or was skipped. */
  public static final int EXIT_OK = 0;

  /** Exit status when at least one step failed. */
  public static final int EXIT_FAILED = 1;

  private static final Duration THREAD_GRACE = Duration.ofSeconds(5);
  private static final int MAX_NOTE = 100;

  private final PrintWriter out;
  private volatile StepContext current;

  /**
   * Creates a runner.
   *
   * @param out where headers, step output and the summary go
   */
  public TourRunner(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs the steps in order and prints the summary.
   *
   * @param steps the steps to run
   * @return one result per step, in order
   */
  public List<StepResult> run(List<TourStep> steps) {
    Thread hook = new Thread(this::closeCurrent, "tour-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      List<StepResult> results = new ArrayList<>();
      for (TourStep step : steps) {
        results.add(runOne(step));
      }
      printSummary(results);
      return results;
    } finally {
      removeHook(hook);
    }
  }

  /**
   * Returns the exit status for a set of results.
   *
   * @param results the results of a tour
   * @return {@link #EXIT_FAILED} if any step failed, else {@link #EXIT_OK}
   */
  public static int exitStatus(List<StepResult> results) {
    return results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL) ? EXIT_FAILED : EXIT_OK;
  }

  private StepResult runOne(TourStep step) {
    println("");
    println("== " + step.name() + " \u2014 " + step.chapter());
    StepContext context = new StepContext(out);
    current = context;
    long start = System.nanoTime();
    FutureTask<Void> task = new FutureTask<>(() -> {
      step.run(context);
      return null;
    });
    Thread thread = new Thread(task, "tour-" + step.name());
    thread.setDaemon(true);
    thread.start();
    Outcome outcome;
    String reason;
    try {
      task.get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
      outcome = Outcome.PASS;
      reason = "";
    } catch (TimeoutException e) {
      outcome = Outcome.FAIL;
      reason = "timed out after " + seconds(step.timeout()) + " s";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      outcome = cause instanceof StepSkippedException ? Outcome.SKIP : Outcome.FAIL;
      reason = describe(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Outcome.FAIL;
      reason = "interrupted";
    }
    task.cancel(true);
    List<Exception> cleanupErrors = context.closeAll();
    current = null;
    awaitQuietly(thread);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    for (Exception error : cleanupErrors) {
      println(StepContext.INDENT + "cleanup: " + describe(error));
    }
    println(StepContext.INDENT + outcome + (reason.isEmpty() ? "" : ": " + reason)
        + " (" + seconds(elapsed) + " s)");
    return new StepResult(step.name(), outcome, reason, elapsed);
  }

  private void printSummary(List<StepResult> results) {
    println("");
    println("== summary");
    println(String.format(Locale.ROOT, "%s%-10s %-6s %8s  %s", StepContext.INDENT, "step",
        "result", "seconds", "note"));
    for (StepResult result : results) {
      println(String.format(Locale.ROOT, "%s%-10s %-6s %8s  %s", StepContext.INDENT,
          result.step(), result.outcome(), seconds(result.elapsed()), brief(result.reason()))
          .stripTrailing());
    }
    long failed = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
    long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIP).count();
    println(StepContext.INDENT + results.size() + " steps: " + (results.size() - failed - skipped)
        + " passed, " + failed + " failed, " + skipped + " skipped");
  }

  /** The first line of a reason, cut to fit a summary row; the step's own output has it all. */
  static String brief(String reason) {
    String firstLine = reason.lines().findFirst().orElse("");
    return firstLine.length() <= MAX_NOTE
        ? firstLine
        : firstLine.substring(0, MAX_NOTE - 3) + "...";
  }

  static String describe(Throwable error) {
    if (error instanceof StepSkippedException || error instanceof StepCheckFailedException) {
      return error.getMessage();
    }
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }

  private void println(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private void closeCurrent() {
    StepContext context = current;
    if (context != null) {
      context.closeAll();
    }
  }

  private static void awaitQuietly(Thread thread) {
    try {
      thread.join(THREAD_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs or has run.
    }
  }
}
