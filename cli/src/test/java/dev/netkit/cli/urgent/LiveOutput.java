package dev.netkit.cli.urgent;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Output of a running program that a test can wait on, line by line. */
final class LiveOutput extends Writer {

  static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern LISTENING = Pattern.compile("Listening on port (\\d+)\\.\\.\\.");

  private final StringBuffer text = new StringBuffer();
  private volatile Thread copier;

  /** Copies a process's stream into a new LiveOutput on a daemon thread. */
  static LiveOutput of(InputStream stream) {
    LiveOutput output = new LiveOutput();
    Thread copier = new Thread(() -> {
      try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
        reader.transferTo(output);
      } catch (IOException e) {
        output.text.append("<").append(e).append(">");
      }
    }, "test-output-copier");
    copier.setDaemon(true);
    output.copier = copier;
    copier.start();
    return output;
  }

  /**
   * Waits until the copied stream has ended and everything in it is here: a process that has
   * exited may still have lines on their way through the copier.
   */
  void awaitEnd() throws InterruptedException {
    Thread copying = copier;
    if (copying != null) {
      copying.join(WAIT.toMillis());
      if (copying.isAlive()) {
        throw new AssertionError("the output did not end within " + WAIT + ": " + text);
      }
    }
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }

  /** Complete lines so far. */
  List<String> lines() {
    String all = text.toString();
    int end = all.lastIndexOf('\n');
    return end < 0 ? List.of() : Arrays.asList(all.substring(0, end).split("\r?\n", -1));
  }

  /** Waits until some line matches. */
  void awaitLine(Predicate<String> line) {
    await().atMost(WAIT).until(() -> lines().stream().anyMatch(line));
  }

  /** Waits until {@code count} lines match. */
  void awaitLines(Predicate<String> line, long count) {
    await().atMost(WAIT).until(() -> lines().stream().filter(line).count() >= count);
  }

  /** Waits for the "Listening on port N..." line and returns N. */
  int awaitListeningPort() {
    awaitLine(line -> LISTENING.matcher(line).matches());
    for (String line : lines()) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.matches()) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new AssertionError("no port in " + lines());
  }

  /** Everything after "got N bytes of normal data: ", concatenated. */
  String normalData() {
    StringBuilder data = new StringBuilder();
    for (String line : lines()) {
      Matcher matcher = Pattern.compile("got (\\d+) bytes of normal data: (.*)").matcher(line);
      if (matcher.matches()) {
        data.append(matcher.group(2));
      }
    }
    return data.toString();
  }

  long count(String line) {
    return lines().stream().filter(line::equals).count();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
