package dev.netkit.netns;

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
  void typedLinesReachTheChildAndClosingInputEndsIt() throws Exception {
    try (CapturedProcess process = CapturedProcess.start(List.of("cat"))) {
      process.typeLines("one", "two");
      process.awaitStdoutLine("two"::equals, WAIT);
      process.closeInput();

      CommandResult result = process.awaitExit(WAIT);

      assertThat(result.stdout()).isEqualTo("one\ntwo\n");
      assertThat(result.succeeded()).isTrue();
    }
  }

  @Test
  void awaitsAStandardErrorLine() throws Exception {
    try (CapturedProcess process = CapturedProcess.start(
        List.of("sh", "-c", "echo out; echo 'server listening' >&2; exec cat"))) {
      assertThat(process.awaitStderrLine(line -> line.contains("listening"), WAIT))
          .isEqualTo("server listening");
      assertThatThrownBy(() -> process.awaitStderrLine("out"::equals, Duration.ofMillis(200)))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("within PT0.2S")
          .hasMessageContaining("stdout:\nout\n");
    }
  }

  @Test
  void keepsAtMostMaxLinesOfAStreamAndCountsTheRest() throws Exception {
    int extra = 5;
    try (CapturedProcess process = CapturedProcess.start(
        List.of("seq", String.valueOf(CapturedProcess.MAX_LINES + extra)))) {
      CommandResult result = process.awaitExit(WAIT);

      assertThat(result.succeeded()).isTrue();
      assertThat(process.stdoutLines()).hasSize(CapturedProcess.MAX_LINES)
          .endsWith(String.valueOf(CapturedProcess.MAX_LINES));
      assertThat(process.droppedLines()).isEqualTo(extra);
    }
  }
}
