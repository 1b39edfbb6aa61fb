package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.internal.PollWaker;
import dev.netkit.jni.testing.ChildJvm;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JVMs that load the library at the same moment from the same work directory each get their own
 * private copy: none sees another's file, and nothing is left behind.
 */
@RequiresNativeLibrary
class ConcurrentExtractionIT {

  private static final int JVMS = 3;

  /** Runs in each child: waits for the parent's go, then loads and calls into the library. */
  static String loadAfterGo() throws IOException {
    ChildJvm.awaitGo();
    NativeLibrary.ensureAvailable();
    try (PollWaker waker = new PollWaker()) {
      waker.wake();
    }
    return "loaded";
  }

  @Test
  void jvmsLoadingTogetherEachUseTheirOwnCopy(@TempDir Path workDir) throws Exception {
    List<Process> children = new ArrayList<>();
    try {
      for (int i = 0; i < JVMS; i++) {
        children.add(ChildJvm.start(
            List.of("-D" + NativeLibrary.WORK_DIRECTORY_PROPERTY + "=" + workDir),
            ConcurrentExtractionIT.class, "loadAfterGo"));
      }
      ChildJvm.go(children);
      for (Process child : children) {
        assertThat(ChildJvm.await(child)).contains("returned: loaded");
        assertThat(child.exitValue()).isZero();
      }
    } finally {
      children.forEach(Process::destroyForcibly);
    }
    assertThat(workDir).isEmptyDirectory();
  }
}
