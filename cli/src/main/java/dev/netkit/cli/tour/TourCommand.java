package dev.netkit.cli.tour;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.netkit.corpus.Corpus;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tour [--step NAME]... [--list] [--corpus FILE]}: runs every step of the tour (or the
 * named ones) and prints a summary table; exits 1 if a step failed, 2 for an unknown step name
 * or a {@code --corpus} file that cannot be read.
 */
@Command(mixinStandardHelpOptions = true,
    footer = {"", "Every step runs on loopback (or inside throw-away network namespaces when run "
        + "as root), is bounded in time, and closes every server, process, socket file and "
        + "namespace it made, also on Ctrl-C. Exit status: 0 when no step failed, 1 when one "
        + "did, 2 for an unknown step or an unreadable --corpus file."})
public final class TourCommand implements Callable<Integer> {

  /** Exit status for an unknown step name or an unreadable {@code --corpus} file. */
  static final int EXIT_USAGE = 2;

  @Spec
  private CommandSpec spec;

  @Option(names = "--step", paramLabel = "NAME", split = ",",
      description = "Run only this step (repeatable, or comma-separated); see --list.")
  private List<String> stepNames = new ArrayList<>();

  @Option(names = "--list", description = "List the steps with the chapter each shows, and exit.")
  private boolean list;

  @Option(names = "--corpus", paramLabel = "FILE",
      description = "The text the travesty step uploads (default: -Dnetkit.corpus=FILE if set, "
          + "else the bundled sample text, Jane Austen's Persuasion).")
  private Path corpus;

  private final Supplier<List<TourStep>> steps;

  /** Creates the command with every step of {@link TourSteps#all(Path)}. */
  public TourCommand() {
    this.steps = () -> TourSteps.all(corpus);
  }

  /**
   * Creates the command with other steps (for tests).
   *
   * @param steps supplies the steps, in tour order
   */
  TourCommand(Supplier<List<TourStep>> steps) {
    this.steps = steps;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<TourStep> available = steps.get();
    if (list) {
      available.forEach(step -> out.printf("%-10s %s%n", step.name(), step.chapter()));
      out.flush();
      return TourRunner.EXIT_OK;
    }
    List<TourStep> selected = select(available);
    if (selected == null || !corpusReadable()) {
      return EXIT_USAGE;
    }
    Logger netkit = (Logger) LoggerFactory.getLogger("dev.netkit");
    Level level = netkit.getLevel();
    if (!Level.DEBUG.equals(level)) {
      // Servers log at INFO; the tour prints what matters itself. -v keeps everything.
      netkit.setLevel(Level.WARN);
    }
    try {
      return TourRunner.exitStatus(new TourRunner(out).run(selected));
    } finally {
      netkit.setLevel(level);
    }
  }

  private boolean corpusReadable() {
    if (corpus == null) {
      return true;
    }
    try {
      Corpus.path(corpus);
      return true;
    } catch (UncheckedIOException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tour: --corpus " + corpus + ": no such readable file");
      err.flush();
      return false;
    }
  }

  private List<TourStep> select(List<TourStep> available) {
    if (stepNames.isEmpty()) {
      return available;
    }
    Map<String, TourStep> byName = available.stream()
        .collect(Collectors.toMap(TourStep::name, Function.identity()));
    List<TourStep> selected = new ArrayList<>();
    for (String name : stepNames) {
      TourStep step = byName.get(name);
      if (step == null) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("tour: no step named " + name + " (steps: "
            + available.stream().map(TourStep::name).collect(Collectors.joining(", ")) + ")");
        err.flush();
        return null;
      }
      selected.add(step);
    }
    return selected;
  }
}
