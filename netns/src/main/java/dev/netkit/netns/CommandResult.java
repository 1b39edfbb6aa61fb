package dev.netkit.netns;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * How a finished command ended: its exit status and everything it printed.
 *
 * @param command the command line that ran
 * @param exitCode its exit status
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

  /**
   * Checks the parts and copies the command line.
   *
   * @throws NullPointerException if any part is null
   */
  public CommandResult {
    command = List.copyOf(command);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /**
   * Tells whether the command exited with status 0.
   *
   * @return true for status 0
   */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * Returns this result if the command succeeded.
   *
   * @return this result
   * @throws IOException if the exit status is not 0; the message has the command, the status and
   *     the command's standard error
   */
  public CommandResult orThrow() throws IOException {
    if (!succeeded()) {
      throw new IOException(String.join(" ", command) + " exited with " + exitCode + ": "
          + stderr.strip());
    }
    return this;
  }
}
