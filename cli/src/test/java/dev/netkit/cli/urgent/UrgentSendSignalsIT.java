package dev.netkit.cli.urgent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.NetkitMain;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * urgent-send as its own process, driven by real signals as at a terminal: SIGINT (Ctrl-C) sends
 * an urgent byte, SIGQUIT (Ctrl-\) ends it with status 0. The receiver is urgent-recv in this JVM.
 */
@RequiresNativeLibrary
@Timeout(120)
class UrgentSendSignalsIT {

  static Process startNetkit(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(NetkitMain.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  static void signal(Process process, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
        .inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  @Test
  void ctrlCSendsUrgentDataAndCtrlBackslashQuits() throws Exception {
    LiveOutput received = new LiveOutput();
    CompletableFuture<Integer> receiver = Programs.start(received, "urgent-recv", "0");
    int port = received.awaitListeningPort();
    Process sender = startNetkit("urgent-send", "127.0.0.1", Integer.toString(port),
        "--count", "1000", "--interval", "100ms");
    try {
      LiveOutput sent = LiveOutput.of(sender.getInputStream());
      received.awaitLine(line -> line.equals("got 2 bytes of normal data: ab"));

      signal(sender, "INT");
      sent.awaitLine(line -> line.equals("sending 1 byte of OOB data!"));
      received.awaitLine(line -> line.equals("got 1 bytes of urgent data: !"));
      signal(sender, "QUIT");

      assertThat(sender.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sender.exitValue()).as(sent.toString()).isZero();
      assertThat(receiver.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(received.count("got 1 bytes of urgent data: !")).isEqualTo(1);
      assertThat(received.normalData()).doesNotContain("!").startsWith("aaab");
      assertThat(sent.lines()).contains("sending 1 byte of OOB data!");
    } finally {
      sender.destroyForcibly();
    }
  }
}
