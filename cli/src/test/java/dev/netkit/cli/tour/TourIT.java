package dev.netkit.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.NetkitMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs each step of the tour for real, through the launcher, one at a time. */
class TourIT {

  /** Output each step must show: real results, not just a PASS. */
  private static final Map<String, String> EXPECTED_OUTPUT = Map.of(
      "urgent", "(?s)watcher \\(the book's SIGURG handler\\) got urgent byte '!'.*"
          + "normal data: \"normal data, line 2\".*atMark=true, read \"!def\"",
      "travesty", "(?s)100 Travesty server version 1\\.0.*DATA \\S+ \\(\\d+ bytes\\): "
          + "202 processed \\d+ words.*"
          + "aborted: true after \\d+ lines.*same session, GENERATE 5: 203 .*204 goodbye",
      "udp", "(?s)\"Hello, network programmers\" => \"sremmargorp krowten ,olleH\".*"
          + "100 answered.*0 given up.*says \"\\w{3} \\w{3} [ \\d]\\d "
          + "\\d\\d:\\d\\d:\\d\\d \\d{4}\"",
      "chat", "(?s)alice \\| bob \\[\\*\\*private\\*\\*\\]: bring an umbrella.*"
          + "bob   \\| \\[Pets\\] .*alice \\| <carol has left Weather>",
      "broadcast", "(?s)received 19 bytes from 198\\.\\d+\\.\\d+\\.1:7.*"
          + "Found a server at 198\\.\\d+\\.\\d+\\.1.*dora \\[Pets\\]: hello from host B",
      "multicast", "(?s)(B client 2 \\| 198\\.\\d+\\.\\d+\\.1: \\w{3} .*/hosta.*"
          + "B carol \\| alice \\[Weather\\]: hello from host A"
          + "|TTL 0.*mcast-time-client 2: 127\\.0\\.0\\.1: \\w{3} \\w{3} )",
      "unix", "(?s)wrap-server on \\S+/wrapserv \\(mode 0600\\).*\\| who may connect\\..*"
          + "Asia/Tokyo: \\w{3} .*both socket files removed");

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

  @Test
  void theTravestyStepUploadsTheFileOfTheCorpusOption(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("small.txt"),
        "one two three. four five six.\nseven eight nine ten. one two\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status = NetkitMain.run(new PrintWriter(out), new PrintWriter(err), "tour", "--step",
        "travesty", "--corpus", text.toString());

    assertThat(status).as(out + "\n" + err).isZero();
    if (!out.toString().contains(" SKIP ")) {
      assertThat(out.toString()).contains("DATA small.txt (" + Files.size(text)
          + " bytes): 202 processed 10 words");
    }
  }
}
