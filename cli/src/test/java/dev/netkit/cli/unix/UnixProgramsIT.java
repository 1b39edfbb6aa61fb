package dev.netkit.cli.unix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.cli.NetkitMain;
import dev.netkit.cli.support.ExitStatus;
import dev.netkit.jni.NativeLibrary;
import dev.netkit.unix.SocketFile;
import dev.netkit.unix.UnixDatagramSocket;
import dev.netkit.unix.localtime.LocaltimeServerConfig;
import dev.netkit.unix.wrap.WrapServer;
import dev.netkit.unix.wrap.WrapServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The four chapter-22 programs, run through picocli as the launcher runs them. */
class UnixProgramsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void wrapClientSendsAFileAndPrintsTheWrappedText() throws Exception {
    Path text = Files.writeString(dir.resolve("text"),
        "In previous chapters we have focused on TCP/IP sockets.\n");
    try (WrapServer server = new WrapServer(WrapServerConfig.builder()
        .server(WrapServerConfig.serverDefaults(dir.resolve("wrapserv")).build()).build())
        .start()) {
      WrapClientCommand client = new WrapClientCommand();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      client.stdout = stdout;

      assertThat(run(client, "--path", server.path().toString(), text.toString())).isZero();

      assertThat(err.toString()).isEqualTo("Connected to " + server.path() + "..."
          + System.lineSeparator());
      assertThat(stdout.toString(UTF_8))
          .isEqualTo("In previous chapters we have\nfocused on TCP/IP sockets.\n");
    }
  }

  @Test
  void wrapClientReadsStandardInputAndSaysWhyItCannotConnect() {
    WrapClientCommand client = new WrapClientCommand();
    client.stdin = new ByteArrayInputStream("text".getBytes(UTF_8));
    Path missing = dir.resolve("missing");

    assertThat(NetkitMain.runProgram(new PrintWriter(out, true), new PrintWriter(err, true),
        client, "wrap-client", "--path", missing.toString())).isEqualTo(ExitStatus.STARTUP);
    assertThat(err.toString()).isEqualTo("wrap-client: connect " + missing + ": no such file or"
        + " directory (ENOENT): no server has created this socket" + System.lineSeparator());
  }

  @Test
  void wrapServerServesUntilStoppedAndRemovesItsSocketFile() throws Exception {
    Path path = dir.resolve("wrapserv");
    WrapServerCommand server = new WrapServerCommand();
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(
        () -> run(server, "--path", path.toString(), "--columns", "12", "--mode", "0660"));
    await().atMost(WAIT).until(() -> SocketFile.isSocket(path));
    WrapClientCommand client = new WrapClientCommand();
    client.stdin = new ByteArrayInputStream("one two three four".getBytes(UTF_8));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    client.stdout = stdout;

    assertThat(run(client, "--path", path.toString())).isZero();
    assertThat(stdout.toString(UTF_8)).isEqualTo("one two\nthree four\n");
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-rw----");
    server.untilStopped.stop();
    assertThat(running.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
    assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(err.toString()).contains("wrap-server: listening on " + path
        + " (mode 0660, 12 columns); Ctrl-C stops");
  }

  @Test
  void localtimeClientPrintsTheServersAnswerAndTimesOutClearly() throws Exception {
    assumeTrue(NativeLibrary.isAvailable(), "netkit native library unavailable");
    Path path = dir.resolve("localtime");
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    LocaltimeServerCommand server = new LocaltimeServerCommand();
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(() -> run(server, "--path", path.toString()));
    await().atMost(WAIT).until(() -> SocketFile.isSocket(path));

    assertThat(run(new LocaltimeClientCommand(), "--path", path.toString(), "--tmpdir",
        tmp.toString(), "UTC")).isZero();
    assertThat(out.toString()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d"
        + " \\d{4}" + System.lineSeparator());
    server.untilStopped.stop();
    assertThat(running.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
    assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).isFalse();

    try (UnixDatagramSocket stopped = UnixDatagramSocket.open().bind(path)) {
      assertThat(NetkitMain.runProgram(new PrintWriter(out, true), new PrintWriter(err, true),
          new LocaltimeClientCommand(), "localtime-client", "--path", path.toString(),
          "--tmpdir", tmp.toString(), "--timeout", "200ms")).isEqualTo(ExitStatus.FAILURE);
      assertThat(err.toString()).contains("localtime-client: no answer from " + path
          + " within 200 ms: is the server running (and not stopped)?");
    }
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theServersDefaultsAreTheBooksPaths() {
    assertThat(WrapServerConfig.DEFAULT_PATH).hasToString("/tmp/wrapserv");
    assertThat(WrapServerConfig.defaults().server().socketFile().path())
        .hasToString("/tmp/wrapserv");
    assertThat(LocaltimeServerConfig.DEFAULT_PATH).hasToString("/tmp/localtime");
    assertThat(LocaltimeServerConfig.defaults().socketFile().path())
        .hasToString("/tmp/localtime");
  }
}
