package dev.netkit.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.tour.StepResult.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TourRunnerTest {

  private final StringWriter out = new StringWriter();
  private final TourRunner runner = new TourRunner(new PrintWriter(out));

  /** A step made of a lambda, with a configurable time limit. */
  private record FakeStep(String name, Duration timeout, Body body) implements TourStep {
    FakeStep(String name, Body body) {
      this(name, Duration.ofSeconds(10), body);
    }

    @Override
    public String chapter() {
      return "chapter 0: " + name;
    }

    @Override
    public void run(StepContext context) throws Exception {
      body.run(context);
    }
  }

  private interface Body {
    void run(StepContext context) throws Exception;
  }

  @Test
  void passingStepPrintsHeaderIndentedOutputAndSummary() {
    List<StepResult> results = runner.run(List.of(new FakeStep("alpha", c -> c.say("hello"))));

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.PASS);
      assertThat(r.reason()).isEmpty();
    });
    assertThat(out.toString())
        .contains("== alpha \u2014 chapter 0: alpha")
        .contains("\n   hello\n")
        .containsPattern("(?m)^   alpha +PASS +\\d+\\.\\d$")
        .contains("1 steps: 1 passed, 0 failed, 0 skipped");
    assertThat(TourRunner.exitStatus(results)).isEqualTo(TourRunner.EXIT_OK);
  }

  @Test
  void failedCheckFailsTheStepWithTheExpectationAndExitIsOne() {
    List<StepResult> results = runner.run(List.of(
        new FakeStep("good", c -> { }),
        new FakeStep("bad", c -> c.check(1 + 1 == 3, "arithmetic works"))));

    assertThat(results).extracting(StepResult::outcome)
        .containsExactly(Outcome.PASS, Outcome.FAIL);
    assertThat(results.get(1).reason()).isEqualTo("arithmetic works");
    assertThat(out.toString()).containsPattern("(?m)^   bad +FAIL +\\d+\\.\\d  arithmetic works$");
    assertThat(TourRunner.exitStatus(results)).isEqualTo(TourRunner.EXIT_FAILED);
  }

  @Test
  void exceptionFailsTheStepNamingIt() {
    List<StepResult> results = runner.run(List.of(new FakeStep("boom", c -> {
      throw new java.net.ConnectException("Connection refused");
    })));

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(results.get(0).reason()).isEqualTo("ConnectException: Connection refused");
  }

  @Test
  void skippedStepIsNoFailure() {
    List<StepResult> results = runner.run(List.of(new FakeStep("maybe",
        c -> c.skip("needs root"))));

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.SKIP);
    assertThat(out.toString()).containsPattern("(?m)^   maybe +SKIP +\\d+\\.\\d  needs root$")
        .contains("1 steps: 0 passed, 0 failed, 1 skipped");
    assertThat(TourRunner.exitStatus(results)).isEqualTo(TourRunner.EXIT_OK);
  }

  @Test
  void resourcesAreClosedNewestFirstWhateverTheOutcome() {
    StringBuilder closed = new StringBuilder();
    runner.run(List.of(
        new FakeStep("ok", c -> {
          c.use(() -> closed.append("a1 "));
          c.use(() -> closed.append("a2 "));
        }),
        new FakeStep("fails", c -> {
          c.use(() -> closed.append("b1 "));
          throw new IllegalStateException("no");
        })));

    assertThat(closed.toString()).isEqualTo("a2 a1 b1 ");
  }

  @Test
  void stepThatRunsOutOfTimeFailsAndIsInterruptedAndCleanedUp() {
    AtomicBoolean closed = new AtomicBoolean();
    CountDownLatch never = new CountDownLatch(1);
    List<StepResult> results = runner.run(List.of(new FakeStep("slow", Duration.ofMillis(200),
        c -> {
          c.use(() -> closed.set(true));
          never.await();
        })));

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(results.get(0).reason()).isEqualTo("timed out after 0.2 s");
    assertThat(closed).isTrue();
  }

  @Test
  void outputAfterTheStepEndedIsDropped() {
    StepContext[] leaked = new StepContext[1];
    runner.run(List.of(new FakeStep("leak", c -> leaked[0] = c)));
    String before = out.toString();

    leaked[0].say("too late");

    assertThat(out.toString()).isEqualTo(before);
  }

  @Test
  void failureToCloseIsReportedButDoesNotHideTheResult() {
    List<StepResult> results = runner.run(List.of(new FakeStep("leaky", c -> c.use(() -> {
      throw new java.io.IOException("socket file busy");
    }))));

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(out.toString()).contains("   cleanup: IOException: socket file busy");
  }

  @Test
  void resourceCloseMayWaitForAThreadThatIsPrinting() throws Exception {
    CountDownLatch closing = new CountDownLatch(1);
    Thread[] printer = new Thread[1];
    List<StepResult> results = runner.run(List.of(new FakeStep("printer", c -> {
      printer[0] = new Thread(() -> {
        try {
          closing.await();
        } catch (InterruptedException e) {
          return;
        }
        c.say("a last event while the step closes");
      });
      printer[0].start();
      c.use(() -> {
        closing.countDown();
        printer[0].join(10_000);
      });
    })));

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(printer[0].isAlive()).isFalse();
    assertThat(out.toString()).doesNotContain("a last event");
  }

  @Test
  void summaryShowsTheFirstLineOfALongReasonCut() {
    String longReason = "x".repeat(300) + "\nsecond line";
    runner.run(List.of(new FakeStep("verbose", c -> c.check(false, longReason))));

    assertThat(out.toString()).containsPattern("(?m)^   verbose +FAIL +\\d+\\.\\d  x{97}\\.\\.\\.$")
        .contains("second line");
  }
}
