package dev.netkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NetkitMainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return NetkitMain.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void helpListsEveryProgramWithItsDescription() {
    assertThat(run("--help")).isZero();
    for (Program program : ProgramCatalog.programs()) {
      assertThat(out.toString()).containsPattern(
          "(?m)^\\s+" + program.name() + "\\s+" + java.util.regex.Pattern.quote(
              program.description()));
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
    assertThat(run("no-such-program")).isEqualTo(NetkitMain.EXIT_USAGE);
    assertThat(err.toString()).contains("no-such-program").contains("echo-server");
  }

  @Test
  void noProgramPrintsTheListAndFails() {
    assertThat(run()).isEqualTo(NetkitMain.EXIT_USAGE);
    assertThat(err.toString()).contains("urgent-send").contains("tour");
  }

  @Test
  void everyProgramHasHelp() {
    for (Program program : ProgramCatalog.programs()) {
      out.getBuffer().setLength(0);
      assertThat(run(program.name(), "--help")).as(program.name()).isZero();
      assertThat(out.toString()).as(program.name()).contains("Usage: netkit " + program.name());
    }
  }
}
