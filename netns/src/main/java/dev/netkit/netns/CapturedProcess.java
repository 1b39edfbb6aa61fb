package dev.netkit.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A running child process whose standard output and error are read by two daemon threads into
 * memory, line by line, so the child never blocks on a full pipe and callers can wait for a line.
 * Closing it kills the child (and waits for it to go).
 *
 * <p>Memory is bounded: each stream keeps its first {@value #MAX_LINES} lines; later lines are
 * read and counted but not kept (see {@link #droppedLines()}).
 *
 * <p>Thread-safe: lines can be read while the child is running.
 */
public final class CapturedProcess implements AutoCloseable {

  /** How many lines of each stream are kept; the rest are read and discarded. */
  public static final int MAX_LINES = 100_000;

  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final List<String> command;
  private final Process process;
  private final List<String> stdoutLines = new ArrayList<>();
  private final List<String> stderrLines = new ArrayList<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private long droppedLines;

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
    return of(command, new ProcessBuilder(command).start());
  }

  /**
   * Captures the output of a process already started with piped output (the default of
   * {@link ProcessBuilder}).
   *
   * @param command the command line it runs, for messages
   * @param process the process
   * @return the captured process
   */
  static CapturedProcess of(List<String> command, Process process) {
    return new CapturedProcess(command, process);
  }

  private Thread drain(InputStream stream, List<String> lines, String which) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          keep(lines, line);
        }
      } catch (IOException e) {
        // The child went away; what was read so far stays available.
      }
    }, "captured-" + which + "-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private synchronized void keep(List<String> lines, String line) {
    if (lines.size() < MAX_LINES) {
      lines.add(line);
      notifyAll();
    } else {
      droppedLines++;
    }
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
   * Returns the child's standard input, for callers that feed it.
   *
   * @return the stream; closing it sends end-of-file
   */
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  /**
   * Types lines into the child's standard input, each followed by a newline, and flushes; the
   * input stays open for more.
   *
   * @param lines the lines, without line ends
   * @throws IOException if the child no longer reads its input
   */
  public void typeLines(String... lines) throws IOException {
    OutputStream stdin = stdin();
    for (String line : lines) {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    stdin.flush();
  }

  /**
   * Closes the child's standard input, so it reads end-of-file.
   *
   * @throws IOException if closing the pipe fails
   */
  public void closeInput() throws IOException {
    stdin().close();
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

  /**
   * Returns how many lines were read but not kept because a stream passed {@value #MAX_LINES}.
   *
   * @return the count, both streams together
   */
  public synchronized long droppedLines() {
    return droppedLines;
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
    return awaitLine(stdoutLines, stdoutReader, match, timeout);
  }

  /**
   * Waits until a standard-error line matches (where servers often log that they listen), the
   * child exits, or the time runs out.
   *
   * @param match what the line must satisfy
   * @param timeout how long to wait at most
   * @return the first matching line
   * @throws TimeoutException if no line matched in time, or the child exited without one; the
   *     message has everything the child printed
   * @throws InterruptedException if interrupted while waiting
   */
  public String awaitStderrLine(Predicate<String> match, Duration timeout)
      throws TimeoutException, InterruptedException {
    return awaitLine(stderrLines, stderrReader, match, timeout);
  }

  private synchronized String awaitLine(List<String> lines, Thread reader,
      Predicate<String> match, Duration timeout) throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> found = lines.stream().filter(match).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
        throw new TimeoutException("no matching line from " + String.join(" ", command)
            + (process.isAlive() ? " within " + timeout : " before it exited") + "\nstdout:\n"
            + joined(stdoutLines) + "stderr:\n" + joined(stderrLines));
      }
      wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
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
    kill(process.toHandle());
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The pipe is gone with the child: nothing left to close.
    }
  }

  /**
   * Kills a process if it is still running and waits (up to 10 s) for it to go.
   *
   * @param process the process
   */
  static void kill(ProcessHandle process) {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // A process that survives SIGKILL for 10 s is stuck in the kernel: nothing more to do.
      }
    }
  }
}
