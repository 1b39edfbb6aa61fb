package dev.netkit.travesty.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.ChildJvm;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Findings 6, 7 and 8 of issue 15 and the half-close during DATA: a hostile client gets an
 * answer that names the limit, and cannot take memory or slots from the others.
 */
@RequiresNativeLibrary
class TravestyHostileIT {

  private static final int MAX_CHILD_LINES = 1000;

  @Test
  void aLineThatNeverEndsHitsTheUploadCap() throws IOException {
    try (TravestyServer server = ServerFixture.start(ServerFixture.builder()
        .maxUploadBytes(10_000));
        RawConnection c = new RawConnection(server.localAddress())) {
      assertThat(c.line()).startsWith("100");
      c.send("DATA");
      assertThat(c.line()).startsWith("201");
      byte[] chunk = new byte[8192];
      Arrays.fill(chunk, (byte) 'a');
      // 24 x 8 KiB = 192 KiB without a line end: far over twice the cap.
      try {
        for (int i = 0; i < 24; i++) {
          c.out.write(chunk);
        }
      } catch (SocketException e) {
        // The server may close before everything is written; its reply is what matters.
      }

      assertThat(c.line()).isEqualTo("552 upload over 10000 bytes; closing");
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
    }
  }

  @Test
  void aHalfCloseDuringDataIsAnsweredBeforeClosing() throws IOException {
    try (TravestyServer server = ServerFixture.start();
        RawConnection c = new RawConnection(server.localAddress())) {
      assertThat(c.line()).startsWith("100");
      c.send("DATA");
      assertThat(c.line()).startsWith("201");
      c.send("the cat sat on the mat");
      c.socket.shutdownOutput();

      assertThat(c.line()).isEqualTo("500 connection half-closed before the line \".\" that "
          + "ends DATA; processed 5 words; closing");
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
    }
  }

  @Test
  void aTrickledLineIsCutOffAtTheLineTimeout() throws IOException {
    try (TravestyServer server = ServerFixture.start(ServerFixture.builder()
        .lineTimeout(Duration.ofMillis(300)));
        RawConnection c = new RawConnection(server.localAddress())) {
      assertThat(c.line()).startsWith("100");
      // One byte every 50 ms or so, never a line end; bounded at 400 bytes (20 s at least).
      String reply = c.trickleUntilReply(i -> c.sendRaw("G"));

      assertThat(reply).isEqualTo("421 line not completed within 300 ms; closing");
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
    }
  }

  @Test
  void aTrickledUploadIsCutOffAtTheUploadTimeout() throws IOException {
    try (TravestyServer server = ServerFixture.start(ServerFixture.builder()
        .uploadTimeout(Duration.ofMillis(1000)));
        RawConnection c = new RawConnection(server.localAddress())) {
      assertThat(c.line()).startsWith("100");
      c.send("DATA");
      assertThat(c.line()).startsWith("201");
      // One whole line every 50 ms or so, each well within the line timeout, never the "."
      // that ends DATA; bounded at 400 lines (20 s at least).
      String reply = c.trickleUntilReply(i -> c.send("w" + i));

      assertThat(reply).isEqualTo("421 upload not completed within 1000 ms; closing");
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
    }
  }

  @Test
  void slowlorisFromOneAddressLeavesRoomForAnother() throws IOException {
    InetAddress other = InetAddress.getByName("127.0.0.2");
    List<RawConnection> trickles = new ArrayList<>();
    try (TravestyServer server = ServerFixture.start(ServerFixture.builder()
        .connections(ServerFixture.connections().maxConnections(4).maxConnectionsPerPeer(2)
            .build()))) {
      try {
        int refused = 0;
        for (int i = 0; i < 4; i++) {
          RawConnection c = new RawConnection(server.localAddress());
          trickles.add(c);
          String first = c.line();
          if (first.startsWith("421")) {
            assertThat(first).isEqualTo(
                "421 too many clients from your address (limit: 2), try again later");
            refused++;
          } else {
            c.sendRaw("GENER");
          }
        }
        assertThat(refused).as("connections over the per-address limit").isEqualTo(2);

        try (RawConnection newcomer = new RawConnection(server.localAddress(), other)) {
          assertThat(newcomer.line()).isEqualTo("100 Travesty server version 1.0");
          assertThat(newcomer.send("BYE").line()).isEqualTo("204 goodbye");
        }
      } finally {
        for (RawConnection c : trickles) {
          c.close();
        }
      }
    }
  }

  @Test
  void runningOutOfHeapDuringAnUploadIsAnsweredAndTheServerGoesOn() throws Exception {
    List<String> command = ChildJvm.javaCommand(List.of("-Xmx48m"),
        HeapLimitedServer.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      int port = Integer.parseInt(awaitLine(out, "port ").substring(5));
      Thread drain = new Thread(() -> drain(out), "child-output");
      drain.setDaemon(true);
      drain.start();
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);

      try (RawConnection hog = new RawConnection(address)) {
        assertThat(hog.line()).startsWith("100");
        hog.send("DATA");
        assertThat(hog.line()).startsWith("201");
        // 3 million distinct words (about 27 MB): more than a 48 MB heap holds as a model.
        StringBuilder line = new StringBuilder();
        for (int word = 0; word < 3_000_000; word++) {
          line.append('w').append(Integer.toString(word, 36)).append(' ');
          if (line.length() > 4000) {
            hog.send(line.toString().strip());
            line.setLength(0);
          }
        }
        hog.send(line.toString().strip()).send(".");

        assertThat(hog.line()).matches("552 server out of memory \\(model emptied\\); "
            + "processed \\d+ words");
        hog.send("GENERATE 5");
        assertThat(hog.line()).startsWith("500");
      }
      try (RawConnection next = new RawConnection(address)) {
        assertThat(next.line()).startsWith("100");
        next.send("DATA").line();
        next.send("the cat sat on the mat").send(".");
        assertThat(next.line()).isEqualTo("202 processed 5 words");
      }
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  private static String awaitLine(BufferedReader out, String prefix) throws IOException {
    List<String> seen = new ArrayList<>();
    for (String line = out.readLine(); line != null && seen.size() < MAX_CHILD_LINES;
        line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
      seen.add(line);
    }
    throw new AssertionError("the child did not print '" + prefix + "': " + seen);
  }

  /** Reads the child's output to its end, so that a full pipe never stops it. */
  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // Only keep the pipe flowing.
      }
    } catch (IOException e) {
      // The child ended.
    }
  }
}
