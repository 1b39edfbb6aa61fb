package dev.netkit.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.NetkitMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs each step of the tour for real, through the launcher, one at a time. */
class TourIT {

  /** Output each step must show: real results, not just a PASS. */
  private static final Map<String, String> EXPECTED_OUTPUT = Map.of(
      "udp", "(?s)\"Hello, network programmers\" => \"sremmargorp krowten ,olleH\".*"
          + "100 answered.*0 given up.*says \"\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\"");

  static Stream<String> steps() {
    return TourSteps.all().stream().map(TourStep::name);
  }

  @ParameterizedTest
  @MethodSource("steps")
  void stepPassesWithRealOutput(String step) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status = NetkitMain.run(new PrintWriter(out), new PrintWriter(err), "tour", "--step", step);

    assertThat(status).as(out + "\n" + err).isZero();
    assertThat(out.toString()).containsPattern("(?m)^   " + step + " +(PASS|SKIP) ");
    if (!out.toString().contains(" SKIP ")) {
      assertThat(out.toString()).as(step).containsPattern(
          EXPECTED_OUTPUT.getOrDefault(step, "(?m)^   \\S.*\\n   \\S.*\\n   \\S"));
    }
  }
}
