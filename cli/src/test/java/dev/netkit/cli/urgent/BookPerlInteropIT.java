package dev.netkit.cli.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * netkit's programs against the book's Perl programs (figures 17.2 and 17.4, in
 * {@code src/test/resources/book}); skipped without a {@code perl} with IO::Socket.
 */
@RequiresNativeLibrary
@Timeout(120)
class BookPerlInteropIT {

  @TempDir
  static Path scripts;

  @BeforeAll
  static void needPerl() throws Exception {
    boolean perl;
    try {
      Process check = new ProcessBuilder("perl", "-MIO::Socket", "-MIO::Select", "-e", "1")
          .redirectErrorStream(true).start();
      perl = check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      perl = false;
    }
    assumeTrue(perl, "perl with IO::Socket and IO::Select is not installed");
  }

  private static Process perl(String script, String... args) throws IOException {
    Path file = scripts.resolve(script);
    try (InputStream in = BookPerlInteropIT.class.getResourceAsStream("/book/" + script)) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    // The JVM blocks SIGQUIT in the threads that start processes, and children inherit the
    // mask: unblock it, then run the script as from a terminal.
    String[] command = new String[args.length + 6];
    command[0] = "perl";
    command[1] = "-MPOSIX";
    command[2] = "-e";
    command[3] = "sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGQUIT)); exec @ARGV or die";
    command[4] = "perl";
    command[5] = file.toString();
    System.arraycopy(args, 0, command, 6, args.length);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void urgentRecvReceivesFromUrgSendPl() throws Exception {
    LiveOutput received = new LiveOutput();
    CompletableFuture<Integer> receiver = Programs.start(received, "urgent-recv", "0");
    int port = received.awaitListeningPort();
    Process sender = perl("urg_send.pl", "127.0.0.1", Integer.toString(port));
    try {
      LiveOutput sent = LiveOutput.of(sender.getInputStream());
      received.awaitLine(line -> line.equals("got 2 bytes of normal data: aa"));

      UrgentSendSignalsIT.signal(sender, "INT");
      received.awaitLine(line -> line.equals("got 1 bytes of urgent data: !"));
      received.awaitLines(line -> line.startsWith("got 2 bytes of normal data: "), 2);
      UrgentSendSignalsIT.signal(sender, "QUIT");

      assertThat(sender.waitFor(30, TimeUnit.SECONDS)).isTrue();
      sent.awaitEnd();
      assertThat(sender.exitValue()).isZero();
      assertThat(receiver.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(sent.lines()).contains("sending 1 byte of OOB data!")
          .hasSizeLessThan(10);
      assertThat(received.count("got 1 bytes of urgent data: !")).isEqualTo(1);
      assertThat(received.normalData()).doesNotContain("!").startsWith("aaab");
    } finally {
      sender.destroyForcibly();
    }
  }

  @Test
  void urgRecv3PlReceivesFromUrgentSend() throws Exception {
    Process receiver = perl("urg_recv3.pl", "0");
    try {
      LiveOutput received = LiveOutput.of(receiver.getInputStream());
      int port = received.awaitListeningPort();
      LiveOutput sent = new LiveOutput();

      int status = Programs.start(sent, "urgent-send", "127.0.0.1", Integer.toString(port),
          "--count", "4", "--interval", "200ms", "--urgent-every", "2").get(60, TimeUnit.SECONDS);

      assertThat(status).as(sent.toString()).isZero();
      assertThat(receiver.waitFor(30, TimeUnit.SECONDS)).isTrue();
      received.awaitEnd();
      assertThat(received.normalData()).isEqualTo("aaabacad");
      assertThat(received.count("got 1 bytes of urgent data: !")).as(received.toString())
          .isEqualTo(2);
    } finally {
      receiver.destroyForcibly();
    }
  }
}
