package dev.netkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The command behind a program whose module has not landed yet: says so and exits with 2. */
@Command(mixinStandardHelpOptions = true)
final class NotYetImplementedCommand implements Callable<Integer> {

  /** Exit status of a program that is not implemented yet. */
  static final int EXIT_NOT_IMPLEMENTED = 2;

  private final String name;

  @Spec
  private CommandSpec spec;

  @Parameters(hidden = true, arity = "0..*")
  private String[] ignored;

  NotYetImplementedCommand(String name) {
    this.name = name;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(name + ": not yet implemented");
    return EXIT_NOT_IMPLEMENTED;
  }
}
