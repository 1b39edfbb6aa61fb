package dev.netkit.cli.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.cli.NetkitMain;
import dev.netkit.cli.support.ExitStatus;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.server.TravestyServer;
import dev.netkit.travesty.server.TravestyServerConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code travesty-client} with piped commands against a real server on the loopback. */
@RequiresNativeLibrary
class TravestyClientCommandIT {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String commands, String... args) {
    TravestyClientCommand command = new TravestyClientCommand();
    command.commands = new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8));
    return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void pipedSession(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("text.txt"),
        "the cat sat on the mat.\nthe dog sat on the log.\n");
    Travesty local = new Travesty();
    local.addFile(text);
    try (TravestyServer server = new TravestyServer(TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress()).port(0).build()).start()) {
      String port = String.valueOf(server.localAddress().getPort());
      int status = run("analyze " + text + "\ngenerate 30\nanalyze " + dir.resolve("missing")
          + "\ngenerate lots\nfrobnicate\nreset\ngenerate 5\nbye\n", "--no-signals",
          "127.0.0.1", port);
      assertThat(status).isZero();
      assertThat(out.toString())
          .contains("> analyzing...processed " + local.uniqueWords() + " words")
          .contains("sat on the")
          .contains("analyze: " + dir.resolve("missing") + ": no such readable file")
          .contains("generate: the word count must be a whole number: lots")
          .contains("Usage:")
          .contains("> reset successful")
          .contains("server says: 500 no data analyzed")
          .doesNotContain("Exception");
    }
  }

  @Test
  void endOfInputSaysGoodbye() throws IOException {
    try (TravestyServer server = new TravestyServer(TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress()).port(0).build()).start()) {
      assertThat(run("reset\n", "--no-signals", "127.0.0.1",
          String.valueOf(server.localAddress().getPort()))).isZero();
      assertThat(out.toString()).isEqualTo("> reset successful\n> ");
    }
  }

  @Test
  void unreachableServerIsAMessage() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    TravestyClientCommand command = new TravestyClientCommand();
    command.commands = new ByteArrayInputStream(new byte[0]);
    assertThat(NetkitMain.runProgram(new PrintWriter(out), new PrintWriter(err), command,
        "travesty-client", "--no-signals", "127.0.0.1", String.valueOf(port)))
        .isEqualTo(ExitStatus.STARTUP);
    assertThat(err.toString()).isEqualTo("travesty-client: cannot connect to 127.0.0.1:" + port
        + ": connection refused (is the server running, on that host and port?)\n");
  }
}
