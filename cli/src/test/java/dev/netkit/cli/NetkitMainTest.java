package dev.netkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.netkit.cli.support.ExitStatus;
import dev.netkit.cli.support.VersionProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class NetkitMainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return NetkitMain.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  /** The version Maven builds: the parent POM's, which every module inherits. */
  private static String projectVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
        .matcher(pom);
    assertThat(parent.find()).as("cli/pom.xml names its parent's version").isTrue();
    return parent.group(1);
  }

  @Test
  void aNamedProgramIsTheOnlyOneSetUp() {
    assertThat(NetkitMain.namedProgram("-v", "echo-server", "--port", "7"))
        .isEqualTo("echo-server");
    assertThat(NetkitMain.namedProgram("no-such-program")).isNull();
    assertThat(NetkitMain.namedProgram("--help")).isNull();
    assertThat(NetkitMain.commandLine(NetkitMain.namedProgram("tour")).getSubcommands())
        .containsOnlyKeys("tour");
    assertThat(NetkitMain.commandLine(NetkitMain.namedProgram("nope")).getSubcommands())
        .hasSize(ProgramCatalog.programs().size());
  }

  @Test
  void helpListsEveryProgramWithItsDescription() {
    assertThat(run("--help")).isZero();
    for (Program program : ProgramCatalog.programs()) {
      assertThat(out.toString()).containsPattern(
          "(?m)^\\s+" + program.name() + "\\s+" + Pattern.quote(program.description()));
    }
  }

  @Test
  void catalogHasTheTwentyTwoFixedProgramNames() {
    assertThat(ProgramCatalog.programs()).extracting(Program::name).containsExactly(
        "urgent-send", "urgent-recv", "travesty-server", "travesty-client", "travesty-bench",
        "echo-server", "echo-client", "daytime-server", "daytime-client", "udp-proxy",
        "chat-server", "chat-client", "broadcast-echo", "mcast-time-server", "mcast-time-client",
        "mchat-server", "mchat-client", "wrap-server", "wrap-client", "localtime-server",
        "localtime-client", "tour");
  }

  @Test
  void unknownProgramPrintsTheListAndFails() {
    assertThat(run("no-such-program")).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString()).contains("no-such-program").contains("echo-server");
  }

  @Test
  void noProgramPrintsTheListAndFails() {
    assertThat(run()).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString()).contains("urgent-send").contains("tour");
  }

  @Test
  void everyProgramHasHelpThatListsTheExitStatuses() {
    for (Program program : ProgramCatalog.programs()) {
      out.getBuffer().setLength(0);
      assertThat(run(program.name(), "--help")).as(program.name()).isZero();
      assertThat(out.toString()).as(program.name())
          .contains("Usage: netkit " + program.name())
          .containsPattern("Exit status:\\s+0 +done\\s+1 +failed while running")
          .containsPattern("\\s+2 +bad command line")
          .containsPattern("\\s+3 +could not start");
    }
  }

  @Test
  void versionIsTheBuildsForTheLauncherAndEveryProgram() throws IOException {
    String version = projectVersion();
    assertThat(VersionProvider.version()).isEqualTo(version);

    assertThat(run("--version")).isZero();
    assertThat(out.toString()).isEqualTo("netkit " + version + System.lineSeparator());
    for (Program program : ProgramCatalog.programs()) {
      out.getBuffer().setLength(0);
      assertThat(run(program.name(), "--version")).as(program.name()).isZero();
      assertThat(out.toString()).as(program.name())
          .isEqualTo("netkit " + program.name() + " " + version + System.lineSeparator());
    }
  }

  @Test
  void aBadOptionValueIsOneUsageLine() {
    assertThat(run("echo-client", "--timeout", "5")).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString()).isEqualTo("echo-client: Invalid value for option '--timeout': "
        + "'5' has no unit (expected e.g. 250ms, 1.5s, 2m, 1h or PT2S) "
        + "(see `netkit echo-client --help`)" + System.lineSeparator());
  }

  @Test
  void aFailureIsOneLineAndVerboseAddsTheStackTrace(@TempDir Path dir) {
    Path missing = dir.resolve("missing.txt");

    assertThat(run("travesty-bench", "--corpus", missing.toString()))
        .isEqualTo(ExitStatus.STARTUP);
    assertThat(err.toString()).isEqualTo("travesty-bench: " + missing
        + ": no such file or directory (check the path)" + System.lineSeparator());

    err.getBuffer().setLength(0);
    Logger netkit = (Logger) LoggerFactory.getLogger("dev.netkit");
    Level level = netkit.getLevel();
    try {
      assertThat(run("-v", "travesty-bench", "--corpus", missing.toString()))
          .isEqualTo(ExitStatus.STARTUP);
    } finally {
      netkit.setLevel(level);
    }
    assertThat(err.toString()).startsWith("travesty-bench: " + missing
        + ": no such file or directory (check the path)" + System.lineSeparator()
        + "java.nio.file.NoSuchFileException: " + missing).contains("\tat ");
  }
}
