package dev.netkit.cli.tour;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer that turns each line written to it into a {@link StepContext#say(String)} line with a
 * prefix (who said it), so that the display classes of the library print into the tour. Tabs at
 * the start of a line (the book's indentation) are dropped. It also keeps the lines, for checks.
 */
final class SayingWriter extends Writer {

  private final StepContext context;
  private final String prefix;
  private final StringBuilder pending = new StringBuilder();
  private final List<String> lines = new ArrayList<>();

  /**
   * Creates the writer.
   *
   * @param context where the lines go
   * @param prefix put before each line, e.g. {@code "alice | "}
   */
  SayingWriter(StepContext context, String prefix) {
    this.context = context;
    this.prefix = prefix;
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n') {
        emit();
      } else if (c != '\r') {
        pending.append(c);
      }
    }
  }

  private void emit() {
    String line = pending.toString().replaceFirst("^\t+", "");
    pending.setLength(0);
    lines.add(line);
    context.say(prefix + line);
  }

  /**
   * Returns the lines written so far, without prefix.
   *
   * @return a snapshot
   */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Tells whether a line containing {@code text} was written.
   *
   * @param text what to look for
   * @return true if some line contains it
   */
  synchronized boolean saw(String text) {
    return lines.stream().anyMatch(line -> line.contains(text));
  }

  @Override
  public synchronized void flush() {
    // Lines are passed on as soon as they end.
  }

  @Override
  public synchronized void close() {
    if (pending.length() > 0) {
      emit();
    }
  }
}
