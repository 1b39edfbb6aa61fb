package dev.netkit.travesty.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.corpus.Corpus;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Urgent-data aborts in both directions, with a hand-driven client, including the hard cases:
 * mid-line, mid-CRLF, megabytes queued, the urgent byte announced before it arrives; and the
 * session in sync afterwards.
 */
@RequiresNativeLibrary
class TravestyAbortIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final RunningServer running = RunningServer.withDefaults();

  private RawConnection connect(int receiveBuffer) throws IOException {
    RawConnection connection = new RawConnection(running.address(), receiveBuffer);
    assertThat(connection.line()).startsWith("100 ");
    return connection;
  }

  /** Proves the session is in sync: a fresh upload and a generation work as usual. */
  private static void assertInSync(RawConnection c) throws IOException {
    c.send("DATA");
    assertThat(c.line()).startsWith("201 ");
    c.send("one two three four").send(".");
    assertThat(c.line()).isEqualTo("202 processed 4 words");
    c.send("GENERATE 8");
    assertThat(c.line()).isEqualTo("203 travesty follows");
    assertThat(String.join(" ", c.block()).strip().split("\\s+")).hasSize(8);
  }

  @Test
  void uploadAbortedMidLine() throws IOException {
    try (RawConnection c = connect(0)) {
      c.send("DATA").line();
      c.sendRaw("alpha beta\r\ngamma del");
      c.sendUrgent();
      assertThat(c.line()).matches("202 processed [02] words");
      assertInSync(c);
    }
  }

  @Test
  void uploadAbortedMidCrlf() throws IOException {
    try (RawConnection c = connect(0)) {
      c.send("DATA").line();
      c.sendRaw("alpha beta\r");
      c.sendUrgent();
      c.sendRaw("\n");
      // The LF after the mark ends an empty line: a command the server does not know.
      assertThat(c.line()).matches("202 processed [02] words");
      assertThat(c.line()).isEqualTo("500 unknown command");
      assertInSync(c);
    }
  }

  @Test
  void urgentBetweenCommandsIsAnswered() throws IOException {
    try (RawConnection c = connect(0)) {
      c.sendRaw("RESE");
      c.sendUrgent();
      // The partial command is discarded; the server answers with its own mark.
      assertThat(c.next().kind()).isEqualTo(Input.Kind.URGENT);
      assertThat(c.reader.skipToMark(WAIT)).isZero();
      c.send("RESET");
      assertThat(c.line()).isEqualTo("205 travesty reset");
    }
  }

  @Test
  void abortAfterTheGenerationEndedStillGetsAMark() throws IOException {
    try (RawConnection c = connect(0)) {
      c.send("DATA").line();
      c.send("a b c d e f").send(".").line();
      c.send("GENERATE 5");
      assertThat(c.line()).startsWith("203");
      c.block();
      c.sendUrgent();
      assertThat(c.next().kind()).isEqualTo(Input.Kind.URGENT);
      c.reader.skipToMark(WAIT);
      assertInSync(c);
    }
  }

  @Test
  void generationAbortedWithMegabytesQueued() throws Exception {
    try (RawConnection c = connect(4 << 20)) {
      c.send("DATA").line();
      c.sendRaw(Files.readString(Corpus.path()).replace("\n.", "\n.."));
      c.send("").send(".");
      assertThat(c.line()).startsWith("202");
      c.send("GENERATE 10000000");
      // Read nothing: the server fills its send buffer and our receive buffer.
      await().atMost(WAIT).until(() -> c.socket.getInputStream().available() > 1 << 20);
      c.sendUrgent();
      long lines = 0;
      Input input;
      while ((input = c.next()).kind() == Input.Kind.LINE) {
        lines++;
      }
      assertThat(input.kind()).isEqualTo(Input.Kind.URGENT);
      long discarded = c.reader.skipToMark(WAIT);
      assertThat(lines + discarded).isPositive();
      assertThat(c.reader.bytesRead()).isGreaterThan(1 << 20);
      assertInSync(c);
    }
  }

  @Test
  void uploadAbortedWithMegabytesQueued() throws Exception {
    {
      try (RawConnection c = connect(0)) {
        c.send("DATA").line();
        byte[] corpus = (Files.readString(Corpus.path()).replace("\n.", "\n..") + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> upload = RunningServer.async(() -> {
          for (int i = 0; i < 40; i++) {
            c.out.write(corpus);
          }
          c.sendUrgent();
          return null;
        });
        upload.get(60, TimeUnit.SECONDS);
        String reply = c.line();
        assertThat(reply).matches("202 processed \\d+ words");
        assertInSync(c);
      }
    }
  }

  @Test
  void manySequentialAbortsKeepTheSessionInSync() throws IOException {
    try (RawConnection c = connect(0)) {
      c.send("DATA").line();
      c.sendRaw(Files.readString(Corpus.path()).replace("\n.", "\n.."));
      c.send("").send(".").line();
      for (int round = 0; round < 20; round++) {
        c.send("GENERATE 200000");
        if (round % 2 == 0) {
          assertThat(c.line()).isEqualTo("203 travesty follows");
        }
        c.sendUrgent();
        Input input;
        while ((input = c.next()).kind() == Input.Kind.LINE) {
          // in flight before the server's mark
        }
        assertThat(input.kind()).isEqualTo(Input.Kind.URGENT);
        c.reader.skipToMark(WAIT);
        c.send("RESET");
        assertThat(c.line()).isEqualTo("205 travesty reset");
        c.send("DATA").line();
        c.sendRaw(List.of("a b c d e f g h", ".", "").stream()
            .reduce((x, y) -> x + "\r\n" + y).get());
        assertThat(c.line()).isEqualTo("202 processed 8 words");
      }
    }
  }

}
