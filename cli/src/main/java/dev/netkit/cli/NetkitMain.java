package dev.netkit.cli;

import dev.netkit.cli.support.DebugLogging;
import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.ExitStatus;
import dev.netkit.cli.support.ProgramFailure;
import dev.netkit.cli.support.VersionProvider;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code ./netkit}: {@code netkit [-v] PROGRAM [OPTIONS]}. Without a program, or
 * with {@code --help}, it lists every program with a one-line description; an unknown program
 * prints that list and exits with status 2.
 *
 * <p>Everything the programs share is set up here, once: {@code --version} (the build's
 * version), the exit statuses of {@link ExitStatus} (listed in every {@code --help}), durations
 * shown in defaults as {@code 2s} rather than {@code PT2S}, and the reporting of a failure: one
 * line from {@link ProgramFailure}, with the stack trace only under {@code -v}.
 */
@Command(name = "netkit", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "PROGRAM",
    description = "Network Programming with Perl, part 4, for the JVM.",
    commandListHeading = "%nPrograms:%n",
    exitCodeListHeading = "%nExit status:%n",
    footer = {"%nServers listen on loopback (127.0.0.1) unless given --bind, e.g. --bind 0.0.0.0 "
        + "for every interface. Times are durations: 250ms, 1.5s, 2m, 1h or PT2S.",
        "Run `netkit PROGRAM --help` for the options of one program."})
public final class NetkitMain implements Callable<Integer> {

  /** Exit status for a usage error (unknown program, bad option). */
  static final int EXIT_USAGE = ExitStatus.USAGE;

  private static final int USAGE_WIDTH = 100;

  @Spec
  private CommandSpec spec;

  private boolean verbose;

  @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "Log netkit's debug messages to stderr; print the stack trace of a failure.")
  void verbose(boolean on) {
    verbose = on;
    if (on) {
      DebugLogging.enable("dev.netkit");
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
   * @return the exit status: the program's own, or one of {@link ExitStatus}
   */
  public static int run(String... args) {
    return commandLine(namedProgram(args), null).execute(args);
  }

  /**
   * Runs the launcher with its output and errors sent to the given writers (for tests and the
   * tour).
   *
   * @param out where help and program listings go
   * @param err where error messages go
   * @param args the command line
   * @return the exit status: the program's own, or one of {@link ExitStatus}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(commandLine(namedProgram(args), null), out, err, args);
  }

  /**
   * Runs one program with a command object of the caller's instead of a fresh one, as the launcher
   * runs it (same help, exit statuses and failure lines): for tests that feed the command's input
   * or stop it, and for embedding.
   *
   * @param out where the program's output and help go
   * @param err where error messages go
   * @param command the program's command object, of the class {@link ProgramCatalog} names
   * @param args the command line: the program's name, then its arguments
   * @return the exit status: the program's own, or one of {@link ExitStatus}
   * @throws IllegalArgumentException if {@code args} does not start with the name of the program
   *     whose command class {@code command} is
   */
  public static int runProgram(PrintWriter out, PrintWriter err, Object command,
      String... args) {
    if (args.length == 0 || ProgramCatalog.programs().stream().noneMatch(program ->
        program.name().equals(args[0])
            && program.command().get().getClass() == command.getClass())) {
      throw new IllegalArgumentException("args must start with the program of "
          + command.getClass().getSimpleName());
    }
    return execute(commandLine(args[0], command), out, err, args);
  }

  private static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
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
    return commandLine(null, null);
  }

  /**
   * Builds the picocli command line for one program alone, or for every program.
   *
   * @param name a program of {@link ProgramCatalog}, or null for all
   * @return a fresh command line
   */
  static CommandLine commandLine(String name) {
    return commandLine(name, null);
  }

  /**
   * The program a command line names, when it is one of {@link ProgramCatalog}: its first
   * argument that is not an option of the launcher itself ({@code -v}); null when there is none
   * or it names no program (then the launcher needs every program, to list them).
   *
   * @param args the command line
   * @return the program's name, or null
   */
  static String namedProgram(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return ProgramCatalog.programs().stream().anyMatch(p -> p.name().equals(arg))
            ? arg : null;
      }
    }
    return null;
  }

  /**
   * Builds the command line. When {@code name} is a program, only that program's command object
   * is made (picocli reads its annotations by reflection, the bulk of the start-up work that
   * precedes the program); otherwise every program becomes a subcommand.
   *
   * @param name the program to set up alone, or null for all
   * @param givenCommand the command object to use for that program, or null for a fresh one
   */
  private static CommandLine commandLine(String name, Object givenCommand) {
    NetkitMain main = new NetkitMain();
    CommandLine top = new CommandLine(main);
    top.getCommandSpec().usageMessage().exitCodeList(ExitStatus.descriptions());
    for (Program program : ProgramCatalog.programs()) {
      if (name != null && !program.name().equals(name)) {
        continue;
      }
      CommandLine sub = new CommandLine(givenCommand != null ? givenCommand
          : program.command().get());
      CommandSpec spec = sub.getCommandSpec();
      spec.usageMessage().description(program.description())
          .exitCodeListHeading("%nExit status:%n").exitCodeList(ExitStatus.descriptions());
      spec.versionProvider(() -> new String[] {VersionProvider.line(spec)});
      sub.setDefaultValueProvider(NetkitMain::readableDefault);
      top.addSubcommand(program.name(), sub);
    }
    top.setUsageHelpWidth(USAGE_WIDTH);
    top.setParameterExceptionHandler(NetkitMain::usageError);
    top.setExecutionStrategy(NetkitMain::executeReportingLinkageErrors);
    top.setExecutionExceptionHandler((error, failed, parseResult) ->
        main.failed(error, failed));
    return top;
  }

  /**
   * Shows defaults in {@code --help} the way they are typed: a duration as {@code 2s} rather than
   * {@code PT2S}, an address as {@code 127.0.0.1} rather than {@code localhost/127.0.0.1}.
   */
  private static String readableDefault(ArgSpec arg) {
    if (arg.initialValue() instanceof Duration initial) {
      return DurationConverter.format(initial);
    }
    if (arg.initialValue() instanceof InetAddress initial) {
      return initial.getHostAddress();
    }
    return null;
  }

  /** A native library that cannot load is an {@link Error}: report it like an exception. */
  private static int executeReportingLinkageErrors(ParseResult parseResult) {
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (LinkageError e) {
      List<CommandLine> parsed = parseResult.asCommandLineList();
      throw new ExecutionException(parsed.get(parsed.size() - 1), e.toString(), e);
    }
  }

  private static int usageError(CommandLine.ParameterException error, String[] args) {
    CommandLine failed = error.getCommandLine();
    PrintWriter err = failed.getErr();
    if (failed.getParent() == null) {
      err.println(error.getMessage());
      err.println();
      failed.usage(err);
    } else {
      err.println(ProgramFailure.usage(failed.getCommandName(), error.getMessage()).line());
    }
    return ExitStatus.USAGE;
  }

  private int failed(Exception error, CommandLine failed) {
    Throwable cause = error instanceof ExecutionException && error.getCause() != null
        ? error.getCause() : error;
    ProgramFailure failure = ProgramFailure.of(failed.getCommandName(), cause);
    PrintWriter err = failed.getErr();
    err.println(failure.line());
    if (verbose) {
      cause.printStackTrace(err);
    }
    err.flush();
    return failure.status();
  }

  /** Without a program: print the list of programs and fail, since there is nothing to run. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitStatus.USAGE;
  }
}
