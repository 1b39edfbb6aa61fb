package dev.netkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.support.ExitStatus;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./netkit PROGRAM} as its own JVM, started on a port another socket holds: one line on
 * stderr naming the program, the address, the cause and a hint; nothing on stdout; status
 * {@link ExitStatus#STARTUP}; a stack trace only with {@code -v}.
 */
@Timeout(120)
class StartupFailureIT {

  private static final String IN_USE = ": address already in use (another server running? stop "
      + "it or pick another port)";

  /** What a finished child JVM printed and returned. */
  private record Result(int status, String stdout, String stderr) {
  }

  private static Result netkit(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        NetkitMain.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process, true));
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process, false));
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the program exits").isTrue();
      return new Result(process.exitValue(),
          new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
          new String(stderr.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }

  private static byte[] readAll(Process process, boolean stdout) {
    try {
      return (stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aUdpServerOnAPortInUseSaysSoInOneLine() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      String port = String.valueOf(taken.getLocalPort());

      Result result = netkit("echo-server", port);

      assertThat(result.status()).as(result.stderr()).isEqualTo(ExitStatus.STARTUP);
      assertThat(result.stdout()).isEmpty();
      assertThat(result.stderr()).isEqualTo("echo-server: cannot listen on 127.0.0.1:" + port
          + IN_USE + System.lineSeparator());
    }
  }

  @Test
  void aTcpServerOnAPortInUseSaysSoAndVerboseAddsTheStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      String line = "travesty-server: cannot listen on 127.0.0.1:" + port + IN_USE;

      Result quiet = netkit("travesty-server", port);
      Result verbose = netkit("-v", "travesty-server", port);

      assertThat(quiet.status()).as(quiet.stderr()).isEqualTo(ExitStatus.STARTUP);
      assertThat(quiet.stderr()).isEqualTo(line + System.lineSeparator());
      assertThat(verbose.status()).as(verbose.stderr()).isEqualTo(ExitStatus.STARTUP);
      assertThat(verbose.stderr()).contains(line + System.lineSeparator()
          + "dev.netkit.cli.support.StartupException: cannot listen on 127.0.0.1:" + port)
          .contains("Caused by: java.net.BindException").contains("\tat ");
    }
  }
}
