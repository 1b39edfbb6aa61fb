package dev.netkit.jni.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JVM that ignores SIGINT, as one started in the background by a shell does, still starts
 * children through {@link ChildJvm#javaCommand(List, String, String...)} whose JVM handles
 * SIGINT. The middle JVM is started with SIGINT ignored ({@code env --ignore-signal=INT}); it
 * starts the grandchild through {@link ChildJvm}, and the grandchild reports whether it has a
 * SIGINT handler (without the fix it inherits the ignored SIGINT and has none).
 */
class InheritedSignalsIT {

  /** In the grandchild: whether this JVM has a SIGINT handler. */
  static boolean catchesInterrupt() {
    return InheritedSignals.interruptCaught();
  }

  /** In the middle JVM: whether it ignores SIGINT, and what its own child reports. */
  static String startsAChildThatCatchesInterrupt() throws Exception {
    String grandchild = ChildJvm.run(List.of(), InheritedSignalsIT.class, "catchesInterrupt");
    return "ignored here " + InheritedSignals.interruptIgnored() + ", child "
        + grandchild.strip();
  }

  @Test
  void aChildOfAJvmThatIgnoresInterruptCatchesIt() throws Exception {
    List<String> command = new ArrayList<>(List.of("env", "--ignore-signal=INT"));
    command.addAll(ChildJvm.bareJavaCommand(List.of(), ChildJvm.class.getName(),
        InheritedSignalsIT.class.getName(), "startsAChildThatCatchesInterrupt"));
    Process middle = new ProcessBuilder(command).redirectErrorStream(true).start();
    middle.getOutputStream().close();

    String output = ChildJvm.await(middle);

    assertThat(output).contains("returned: ignored here true, child returned: true");
  }

  @Test
  void aJvmThatDoesNotIgnoreInterruptLeavesTheCommandAlone() {
    List<String> command = List.of("java", "-version");
    if (!InheritedSignals.interruptIgnored()) {
      assertThat(InheritedSignals.withDefaultInterrupt(command)).isSameAs(command);
    } else {
      assertThat(InheritedSignals.withDefaultInterrupt(command))
          .containsExactly("env", "--default-signal=INT", "java", "-version");
    }
  }
}
