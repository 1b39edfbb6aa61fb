package dev.netkit.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.testing.ChildJvm;
import dev.netkit.unix.testing.SocketHolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A JVM that holds a socket file and is stopped by SIGTERM or SIGINT removes the file on its way
 * out; one killed by SIGKILL cannot, and the next server reuses the stale file.
 */
class SocketFileSignalIT {

  private static final int MAX_CHILD_LINES = 100;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} socket, {1}")
  @CsvSource({"stream, TERM", "stream, INT", "datagram, TERM", "datagram, INT"})
  void aSignalledJvmLeavesNoSocketFile(String kind, String signal) throws Exception {
    assumeKindAvailable(kind);
    Path path = dir.resolve(kind);
    Process child = startHolder(kind, path);
    try {
      assertThat(SocketFile.isSocket(path)).isTrue();

      signal(child, signal);

      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).isFalse();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @ParameterizedTest(name = "{0} socket")
  @CsvSource({"stream", "datagram"})
  void aKilledJvmLeavesAStaleFileThatTheNextServerReuses(String kind) throws Exception {
    assumeKindAvailable(kind);
    Path path = dir.resolve(kind);
    Process child = startHolder(kind, path);
    try {
      signal(child, "KILL");
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(SocketFile.isSocket(path)).isTrue();

      try (AutoCloseable next = kind.equals("stream")
          ? new UnixStreamServer(UnixStreamServerConfig.defaults(path), connection -> { })
              .start()
          : UnixDatagramSocket.open().bind(path)) {
        assertThat(SocketFile.isSocket(path)).isTrue();
      }
      assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).isFalse();
    } finally {
      child.destroyForcibly();
    }
  }

  private static void assumeKindAvailable(String kind) {
    Assumptions.assumeTrue(kind.equals("stream") || NativeLibrary.isAvailable(),
        () -> "netkit native library unavailable: " + NativeLibrary.unavailabilityCause());
  }

  /** Starts the child and returns once it holds the socket file; stops it on failure. */
  private static Process startHolder(String kind, Path path) throws IOException {
    List<String> command = ChildJvm.javaCommand(List.of(), SocketHolder.class.getName(), kind,
        path.toString());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = out.readLine(); line != null && lines.size() < MAX_CHILD_LINES;
          line = out.readLine()) {
        if (line.startsWith("ready")) {
          return child;
        }
        lines.add(line);
      }
      throw new AssertionError("the child did not get ready: " + lines);
    } catch (IOException | RuntimeException | Error e) {
      child.destroyForcibly();
      throw e;
    }
  }

  private static void signal(Process child, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid()))
        .inheritIO().start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}
