package dev.netkit.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TourCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> ran = new ArrayList<>();

  private TourStep step(String name, boolean passes) {
    return new TourStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String chapter() {
        return "chapter 99: the " + name + " step";
      }

      @Override
      public void run(StepContext context) {
        ran.add(name);
        context.check(passes, name + " passes");
      }
    };
  }

  private int run(String... args) {
    CommandLine commandLine = new CommandLine(new TourCommand(
        () -> List.of(step("one", true), step("two", true), step("three", false))));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void listNamesEveryStepWithItsChapterAndRunsNothing() {
    assertThat(run("--list")).isZero();
    assertThat(out.toString()).containsPattern("(?m)^one +chapter 99: the one step$")
        .containsPattern("(?m)^three +chapter 99: the three step$");
    assertThat(ran).isEmpty();
  }

  @Test
  void withoutStepRunsAllAndFailsWhenOneFails() {
    assertThat(run()).isEqualTo(TourRunner.EXIT_FAILED);
    assertThat(ran).containsExactly("one", "two", "three");
  }

  @Test
  void stepOptionRunsOnlyTheNamedStepsInTheGivenOrder() {
    assertThat(run("--step", "two", "--step", "one")).isZero();
    assertThat(ran).containsExactly("two", "one");
  }

  @Test
  void stepOptionTakesACommaSeparatedList() {
    assertThat(run("--step", "one,three")).isEqualTo(TourRunner.EXIT_FAILED);
    assertThat(ran).containsExactly("one", "three");
  }

  @Test
  void unknownStepIsAUsageErrorNamingTheSteps() {
    assertThat(run("--step", "nope")).isEqualTo(TourCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("tour: no step named nope (steps: one, two, three)");
    assertThat(ran).isEmpty();
  }

  @Test
  void anUnreadableCorpusIsAUsageErrorNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.txt");

    assertThat(run("--corpus", missing.toString())).isEqualTo(TourCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("tour: --corpus " + missing + ": no such readable file");
    assertThat(ran).isEmpty();
  }

  @Test
  void aReadableCorpusIsAccepted(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("text.txt"), "a b c");

    assertThat(run("--corpus", text.toString(), "--step", "one")).isZero();
    assertThat(ran).containsExactly("one");
  }
}
