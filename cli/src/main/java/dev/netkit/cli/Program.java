package dev.netkit.cli;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One program of the launcher: its name on the command line, a one-line description for
 * {@code ./netkit --help}, and a factory for its picocli command object.
 *
 * @param name the program name, e.g. {@code echo-server}
 * @param description one line shown in the program list
 * @param command creates a fresh picocli command object (annotated with {@code @Command})
 */
public record Program(String name, String description, Supplier<Object> command) {

  /**
   * Checks that every part is present.
   *
   * @throws NullPointerException if any part is null
   */
  public Program {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(command, "command");
  }
}
