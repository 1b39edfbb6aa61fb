package dev.netkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link WithTwoHosts} and {@link TwoHostsExtension}, run on small sample test classes through
 * the JUnit engine: one pair per test, shared with its {@code @BeforeEach}, deleted after the
 * test also when it fails, refused outside a test.
 */
@RequiresNetworkNamespaces
class TwoHostsExtensionIT {

  /** What the sample tests saw, for the assertions after their run. */
  static final List<TwoHosts> SEEN = new ArrayList<>();

  private static EngineExecutionResults run(Class<?> sample) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
  }

  @Test
  void eachTestGetsItsOwnHostsDeletedAfterItEvenWhenItFails() throws Exception {
    Events events = run(FailingSample.class).testEvents();

    events.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    events.assertThatEvents().haveExactly(1, event(test("fails"),
        finishedWithFailure(message("on purpose"))));
    assertThat(SEEN).hasSize(4);
    assertThat(SEEN.get(0)).as("@BeforeEach and the test share one pair").isSameAs(SEEN.get(1));
    assertThat(SEEN.get(2)).isSameAs(SEEN.get(3)).isNotSameAs(SEEN.get(0));
    assertThat(SEEN).allMatch(TwoHosts::isClosed);
    String listed = Commands.run(null, List.of(Commands.ip(), "netns", "list")).stdout();
    for (TwoHosts hosts : SEEN) {
      assertThat(hosts.hostA().name()).startsWith("nk-failingsampa-");
      assertThat(listed).doesNotContain(hosts.hostA().name())
          .doesNotContain(hosts.hostB().name());
    }
  }

  @Test
  void hostsAreNotMadeForAllTestsOfAClass() {
    EngineExecutionResults results = run(BeforeAllSample.class);

    results.testEvents().assertStatistics(stats -> stats.started(0));
    results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
        instanceOf(ParameterResolutionException.class),
        message(text -> text.startsWith("TwoHosts are made per test")))));
    assertThat(SEEN).isEmpty();
  }

  @Test
  void nftablesCanBeAskedForAndUsed() {
    run(NftablesSample.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(SEEN).hasSize(1).allMatch(TwoHosts::isClosed);
  }

  @WithTwoHosts
  static class FailingSample {
    @BeforeEach
    void before(TwoHosts hosts) {
      SEEN.add(hosts);
    }

    @Test
    void fails(TwoHosts hosts) {
      SEEN.add(hosts);
      throw new AssertionError("on purpose");
    }

    @Test
    void passes(TwoHosts hosts) {
      SEEN.add(hosts);
    }
  }

  @ExtendWith(TwoHostsExtension.class)
  static class BeforeAllSample {
    @BeforeAll
    static void beforeAll(TwoHosts hosts) {
      SEEN.add(hosts);
    }

    @Test
    void neverRuns() {
    }
  }

  static class NftablesSample {
    @Test
    @WithTwoHosts(nftables = true)
    void appliesARuleset(TwoHosts hosts) throws Exception {
      SEEN.add(hosts);
      hosts.hostA().applyNftables("table inet t {\n chain out {\n"
          + "  type filter hook output priority 0; policy accept;\n }\n}\n");
    }
  }
}
