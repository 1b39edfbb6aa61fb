package dev.netkit.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code ./netkit}: {@code netkit [-v] PROGRAM [OPTIONS]}. Without a program, or
 * with {@code --help}, it lists every program with a one-line description; an unknown program
 * prints that list and exits with status 2.
 */
@Command(name = "netkit", mixinStandardHelpOptions = true, version = "netkit 0.1.0-SNAPSHOT",
    synopsisSubcommandLabel = "PROGRAM",
    description = "Network Programming with Perl, part 4, for the JVM.",
    commandListHeading = "%nPrograms:%n",
    footer = "%nRun `netkit PROGRAM --help` for the options of one program.")
public final class NetkitMain implements Callable<Integer> {

  /** Exit status for a usage error (unknown program, bad option). */
  static final int EXIT_USAGE = 2;

  private static final int USAGE_WIDTH = 100;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "Log netkit's debug messages to stderr.")
  void verbose(boolean on) {
    if (on) {
      ((Logger) LoggerFactory.getLogger("dev.netkit")).setLevel(Level.DEBUG);
    }
  }

  /**
   * Runs the launcher and exits the JVM with the program's status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the launcher without exiting: the testable form of {@link #main(String[])}.
   *
   * @param args the command line
   * @return the exit status: the program's own, or 2 for a usage error
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * Runs the launcher with its output and errors sent to the given writers (for tests and the tour).
   *
   * @param out where help and program listings go
   * @param err where error messages go
   * @param args the command line
   * @return the exit status: the program's own, or 2 for a usage error
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Builds the picocli command line with every program of {@link ProgramCatalog} as a subcommand.
   *
   * @return a fresh command line
   */
  static CommandLine commandLine() {
    CommandLine top = new CommandLine(new NetkitMain());
    top.setUsageHelpWidth(USAGE_WIDTH);
    for (Program program : ProgramCatalog.programs()) {
      CommandLine sub = new CommandLine(program.command().get());
      sub.getCommandSpec().usageMessage().description(program.description());
      top.addSubcommand(program.name(), sub);
    }
    top.setParameterExceptionHandler(NetkitMain::usageError);
    return top;
  }

  private static int usageError(CommandLine.ParameterException error, String[] args) {
    CommandLine failed = error.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println(error.getMessage());
    if (failed.getParent() == null) {
      err.println();
      failed.usage(err);
    } else {
      err.println("Run `netkit " + failed.getCommandName() + " --help` for its options.");
    }
    return EXIT_USAGE;
  }

  /** Without a program: print the list of programs and fail, since there is nothing to run. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }
}
