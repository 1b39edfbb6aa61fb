package dev.netkit.cli.urgent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.support.ExitStatus;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** urgent-send against urgent-recv, both in this JVM, in the receiver's three modes. */
@RequiresNativeLibrary
@Timeout(120)
class UrgentProgramsIT {

  private static final String OOB_SENT = "sending 1 byte of OOB data!";
  private static final String URGENT_GOT = "got 1 bytes of urgent data: !";
  private static final String INLINE_GOT =
      "urgent data is inline (SO_OOBINLINE): it comes with the normal data";

  private final LiveOutput receiverOutput = new LiveOutput();
  private final LiveOutput senderOutput = new LiveOutput();

  private void run(String... receiverOptions) throws Exception {
    String[] receiverArgs = new String[receiverOptions.length + 2];
    receiverArgs[0] = "urgent-recv";
    receiverArgs[1] = "0";
    System.arraycopy(receiverOptions, 0, receiverArgs, 2, receiverOptions.length);
    CompletableFuture<Integer> receiver = Programs.start(receiverOutput, receiverArgs);
    int port = receiverOutput.awaitListeningPort();

    CompletableFuture<Integer> sender = Programs.start(senderOutput, "urgent-send", "127.0.0.1",
        Integer.toString(port), "--count", "4", "--interval", "100ms", "--urgent-every", "2");

    assertThat(sender.get(60, TimeUnit.SECONDS)).as(senderOutput.toString()).isZero();
    assertThat(receiver.get(60, TimeUnit.SECONDS)).as(receiverOutput.toString()).isZero();
    assertThat(senderOutput.lines()).containsExactly(
        "sending 2 bytes of normal data: aa", "sending 2 bytes of normal data: ab", OOB_SENT,
        "sending 2 bytes of normal data: ac", "sending 2 bytes of normal data: ad", OOB_SENT);
    assertThat(receiverOutput.lines().get(0)).isEqualTo("Listening on port " + port + "...");
  }

  @Test
  void watcherReceivesUrgentDataOutOfBand() throws Exception {
    run();

    assertThat(receiverOutput.normalData()).isEqualTo("aaabacad");
    assertThat(receiverOutput.count(URGENT_GOT)).as(receiverOutput.toString()).isEqualTo(2);
  }

  @Test
  void pollLoopReceivesUrgentDataOutOfBand() throws Exception {
    run("--select");

    assertThat(receiverOutput.normalData()).isEqualTo("aaabacad");
    assertThat(receiverOutput.count(URGENT_GOT)).as(receiverOutput.toString()).isEqualTo(2);
  }

  @Test
  void inlineShowsTheUrgentByteInTheNormalData() throws Exception {
    run("--inline");

    assertThat(receiverOutput.normalData()).isEqualTo("aaab!acad!");
    // At least one notice per urgent byte: Linux signals an urgent pointer again when a later
    // segment (the FIN) repeats it after the byte has been read inline, so the last may come twice.
    assertThat(receiverOutput.count(INLINE_GOT)).as(receiverOutput.toString()).isBetween(2L, 3L);
    assertThat(receiverOutput.count(URGENT_GOT)).isZero();
  }

  @Test
  void inlinePollLoopShowsTheUrgentByteInTheNormalData() throws Exception {
    run("--inline", "--select");

    assertThat(receiverOutput.normalData()).isEqualTo("aaab!acad!");
    assertThat(receiverOutput.count(INLINE_GOT)).as(receiverOutput.toString()).isBetween(2L, 3L);
  }

  /**
   * Issue 15, finding 9: a peer sends 100,000 bytes, an urgent byte and a reset. Every byte is
   * printed, then the reset, once (before: {@code recv(MSG_OOB) failed ... ENOTCONN}, twice, and
   * none of the data).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"watcher", "--select"})
  void dataBeforeAResetIsPrintedThenTheResetOnce(String mode) throws Exception {
    String[] args = mode.equals("watcher") ? new String[] {"urgent-recv", "0"}
        : new String[] {"urgent-recv", "0", mode};
    CompletableFuture<Integer> receiver = Programs.start(receiverOutput, args);
    int port = receiverOutput.awaitListeningPort();
    String data = "abcdefghijklmnopqrstuvwxy".repeat(4_000);

    try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), port)) {
      peer.getOutputStream().write(data.getBytes(StandardCharsets.US_ASCII));
      peer.sendUrgentData('!');
      peer.setSoLinger(true, 0);
    }

    assertThat(receiver.get(60, TimeUnit.SECONDS)).as(receiverOutput.toString())
        .isEqualTo(ExitStatus.FAILURE);
    String printed = receiverOutput.normalData();
    assertThat(printed.length()).as("bytes printed").isEqualTo(data.length());
    assertThat(printed.equals(data)).as("the data printed in order").isTrue();
    assertThat(receiverOutput.lines()).filteredOn(line -> !line.startsWith("got "))
        .containsExactly("Listening on port " + port + "...", "urgent-recv: Connection reset");
  }

  @Test
  void senderWithoutReceiverFailsWithItsAddress() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    int status = Programs.start(senderOutput, "urgent-send", "127.0.0.1",
        Integer.toString(closedPort), "--count", "1").get(30, TimeUnit.SECONDS);

    assertThat(status).isEqualTo(ExitStatus.STARTUP);
    assertThat(senderOutput.toString()).isEqualTo("urgent-send: cannot connect to 127.0.0.1:"
        + closedPort + ": connection refused (is the server running, on that host and port?)\n");
  }
}
