package dev.netkit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A running child process whose standard output and error are read by two daemon threads into
 * memory, line by line, so the child never blocks on a full pipe and tests can wait for a line.
 * Closing it kills the child (and waits for it to go).
 *
 * <p>Thread-safe: lines can be read while the child is running.
 */
public final class CapturedProcess implements AutoCloseable {

  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final List<String> command;
  private final Process process;
  private final List<String> stdoutLines = new ArrayList<>();
  private final List<String> stderrLines = new ArrayList<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private CapturedProcess(List<String> command, Process process) {
    this.command = List.copyOf(command);
    this.process = process;
    this.stdoutReader = drain(process.getInputStream(), stdoutLines, "stdout");
    this.stderrReader = drain(process.getErrorStream(), stderrLines, "stderr");
  }

  /**
   * Starts a command with captured output.
   *
   * @param command the program and its arguments
   * @return the running process
   * @throws IOException if the program cannot be started
   */
  public static CapturedProcess start(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).start();
    return new CapturedProcess(command, process);
  }

  private Thread drain(InputStream stream, List<String> lines, String which) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (this) {
            lines.add(line);
            notifyAll();
          }
        }
      } catch (IOException e) {
        // The child went away; what was read so far stays available.
      }
    }, "captured-" + which + "-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /**
   * Returns the command line this process runs.
   *
   * @return the command line
   */
  public List<String> command() {
    return command;
  }

  /**
   * Returns the underlying process.
   *
   * @return the process
   */
  public Process process() {
    return process;
  }

  /**
   * Returns the child's standard input, for tests that feed it.
   *
   * @return the stream; closing it sends end-of-file
   */
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  /**
   * Returns the standard-output lines read so far.
   *
   * @return a snapshot of the lines
   */
  public synchronized List<String> stdoutLines() {
    return List.copyOf(stdoutLines);
  }

  /**
   * Returns the standard-error lines read so far.
   *
   * @return a snapshot of the lines
   */
  public synchronized List<String> stderrLines() {
    return List.copyOf(stderrLines);
  }

  /**
   * Returns standard output read so far as one string.
   *
   * @return the lines, each followed by a newline
   */
  public String stdout() {
    return joined(stdoutLines());
  }

  /**
   * Returns standard error read so far as one string.
   *
   * @return the lines, each followed by a newline
   */
  public String stderr() {
    return joined(stderrLines());
  }

  private static String joined(List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  /**
   * Waits until a standard-output line matches, the child exits, or the time runs out.
   *
   * @param match what the line must satisfy
   * @param timeout how long to wait at most
   * @return the first matching line
   * @throws TimeoutException if no line matched in time, or the child exited without one; the
   *     message has everything the child printed
   * @throws InterruptedException if interrupted while waiting
   */
  public String awaitStdoutLine(Predicate<String> match, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        Optional<String> found = stdoutLines.stream().filter(match).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !stdoutReader.isAlive())) {
          throw new TimeoutException("no matching line from " + String.join(" ", command)
              + (process.isAlive() ? " within " + timeout : " before it exited") + "\nstdout:\n"
              + joined(stdoutLines) + "stderr:\n" + joined(stderrLines));
        }
        wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
      }
    }
  }

  /**
   * Waits for the child to exit and for its output to be read completely.
   *
   * @param timeout how long to wait at most
   * @return the finished command's result
   * @throws TimeoutException if the child is still running after {@code timeout}; it is left
   *     running (close this to kill it)
   * @throws InterruptedException if interrupted while waiting
   */
  public CommandResult awaitExit(Duration timeout) throws TimeoutException, InterruptedException {
    if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new TimeoutException(String.join(" ", command) + " still running after " + timeout
          + "\nstdout:\n" + stdout() + "stderr:\n" + stderr());
    }
    stdoutReader.join(KILL_WAIT.toMillis());
    stderrReader.join(KILL_WAIT.toMillis());
    return new CommandResult(command, process.exitValue(), stdout(), stderr());
  }

  /** Kills the child if it is still running and waits (up to 10 s) for it to go. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The pipe is gone with the child: nothing left to close.
    }
  }
}
