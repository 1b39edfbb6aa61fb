package dev.netkit.cli.travesty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.cli.NetkitMain;
import dev.netkit.corpus.Corpus;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.server.TravestyServer;
import dev.netkit.travesty.server.TravestyServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * travesty-client as its own process, with commands on a pipe and real SIGINTs as Ctrl-C would
 * send them: one aborts a generation with urgent data, and the session goes on; two in a row
 * with no command in between quit.
 */
@RequiresNativeLibrary
@Timeout(120)
class TravestyClientSignalsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        NetkitMain.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("reader failed: " + e);
      }
    }, "client-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private static void signal(Process process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
        .inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private int indexOf(String text) {
    synchronized (lines) {
      for (int i = 0; i < lines.size(); i++) {
        // Whole lines: generated text may contain the words of a status line.
        if (lines.get(i).equals(text)) {
          return i;
        }
      }
      return -1;
    }
  }

  private boolean anyLineEndsWith(String text) {
    synchronized (lines) {
      return lines.stream().anyMatch(line -> line.endsWith(text));
    }
  }

  private void awaitLine(String text) {
    await().atMost(WAIT).until(() -> indexOf(text) >= 0);
  }

  @Test
  void ctrlCAbortsAGenerationAndTwiceQuits() throws Exception {
    Path corpus = Corpus.path();
    Travesty local = new Travesty();
    local.addFile(corpus);
    try (TravestyServer server = new TravestyServer(TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress()).port(0).build()).start()) {
      Process client = start("travesty-client", "127.0.0.1",
          Integer.toString(server.localAddress().getPort()));
      try {
        OutputStream commands = client.getOutputStream();
        commands.write(("analyze " + corpus + "\ngenerate 10000000\n")
            .getBytes(StandardCharsets.UTF_8));
        commands.flush();
        awaitLine("> analyzing...processed " + local.uniqueWords() + " words");
        await().atMost(WAIT).until(() -> lines.size() > 500);
        signal(client);
        await().atMost(WAIT).until(() -> anyLineEndsWith("[interrupted]"));
        commands.write("generate 5\n".getBytes(StandardCharsets.UTF_8));
        commands.flush();

        commands.write("reset\n".getBytes(StandardCharsets.UTF_8));
        commands.flush();
        awaitLine("> reset successful");
        assertThat(lines.size()).isLessThan(1_000_000);

        signal(client);
        awaitLine("Press ^C again to exit.");
        assertThat(List.copyOf(lines.subList(indexOf("> reset successful"), lines.size())))
            .containsExactly("> reset successful", "> ", "Press ^C again to exit.");
        signal(client);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).isZero();
        assertThat(String.join("\n", lines)).doesNotContain("Exception");
      } finally {
        client.destroyForcibly();
      }
    }
  }
}
