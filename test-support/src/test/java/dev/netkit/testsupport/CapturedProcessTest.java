package dev.netkit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CapturedProcessTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void capturesBothStreamsAndTheExitStatus() throws Exception {
    try (CapturedProcess process = CapturedProcess.start(
        List.of("sh", "-c", "echo one; echo two; echo oops >&2; exit 3"))) {
      CommandResult result = process.awaitExit(WAIT);

      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.stdout()).isEqualTo("one\ntwo\n");
      assertThat(result.stderr()).isEqualTo("oops\n");
      assertThat(result.succeeded()).isFalse();
    }
  }

  @Test
  void awaitsALineWhileTheChildRuns() throws Exception {
    try (CapturedProcess process = CapturedProcess.start(List.of("cat"))) {
      process.stdin().write("hello\n".getBytes());
      process.stdin().flush();

      assertThat(process.awaitStdoutLine(line -> line.startsWith("hel"), WAIT)).isEqualTo("hello");
    }
  }

  @Test
  void failsToAwaitALineTheChildNeverPrints() throws Exception {
    try (CapturedProcess process = CapturedProcess.start(List.of("sh", "-c", "echo other"))) {
      assertThatThrownBy(() -> process.awaitStdoutLine("READY"::equals, WAIT))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("before it exited")
          .hasMessageContaining("other");
    }
  }

  @Test
  void closeKillsTheChild() throws Exception {
    CapturedProcess process = CapturedProcess.start(List.of("sleep", "60"));
    process.close();

    assertThat(process.process().isAlive()).isFalse();
  }

  @Test
  void failedCommandResultThrowsWithItsError() {
    CommandResult result = new CommandResult(List.of("ip", "netns", "add", "x"), 1, "",
        "Permission denied\n");

    assertThatThrownBy(result::orThrow)
        .isInstanceOf(IOException.class)
        .hasMessage("ip netns add x exited with 1: Permission denied");
  }

  @Test
  void namespaceLabelsAreChecked() {
    assertThatThrownBy(() -> NetworkNamespace.create("Bad Label"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label : Bad Label (expected: [a-z0-9]{1,12})");
  }
}
