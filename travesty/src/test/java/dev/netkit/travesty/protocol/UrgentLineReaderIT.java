package dev.netkit.travesty.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import dev.netkit.urgent.UrgentSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reader's urgent handling on a plain socket pair, where the test controls every byte. */
@RequiresNativeLibrary
class UrgentLineReaderIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private interface PairTest {
    void run(Socket reading, Socket writing) throws Exception;
  }

  private static void withPair(int receiveBuffer, PairTest test) throws Exception {
    try (ServerSocket listener = new ServerSocket()) {
      if (receiveBuffer > 0) {
        listener.setReceiveBufferSize(receiveBuffer);
      }
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (Socket writing = new Socket(InetAddress.getLoopbackAddress(),
          listener.getLocalPort()); Socket reading = listener.accept()) {
        test.run(reading, writing);
      }
    }
  }

  @Test
  void urgentAnnouncedBeforeItsByteIsAwaitedAtTheMark() throws Exception {
    // A tiny receive window: the urgent pointer travels in many segments before its byte.
    withPair(4096, (reading, writing) -> {
      UrgentLineReader reader = new UrgentLineReader(reading, 1024);
      reader.setTimeout(WAIT);
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          OutputStream out = writing.getOutputStream();
          StringBuilder lines = new StringBuilder();
          for (int i = 0; i < 100_000; i++) {
            lines.append("line ").append(i).append("\r\n");
          }
          out.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
          out.write("half a li".getBytes(StandardCharsets.US_ASCII));
          UrgentSocket.of(writing).sendUrgent((byte) '!');
          out.write("after\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      int expected = 0;
      Input input;
      while ((input = reader.nextLine()).kind() == Input.Kind.LINE) {
        assertThat(input.text()).isEqualTo("line " + expected++);
      }
      assertThat(input.kind()).isEqualTo(Input.Kind.URGENT);
      long discarded = reader.skipToMark(WAIT);
      assertThat(discarded).isPositive();
      assertThat(reader.nextLine().text()).isEqualTo("after");
      writer.get(30, TimeUnit.SECONDS);
      System.out.printf("caveat 3: %d lines read, %d bytes discarded, announced before arrival"
          + " %d times%n", expected, discarded, reader.announcedBeforeArrival());
      assertThat(reader.announcedBeforeArrival()).isPositive();
    });
  }

  @Test
  void markBetweenCrAndLf() throws Exception {
    withPair(0, (reading, writing) -> {
      UrgentLineReader reader = new UrgentLineReader(reading, 1024);
      reader.setTimeout(WAIT);
      OutputStream out = writing.getOutputStream();
      out.write("one\r\ntwo\r".getBytes(StandardCharsets.US_ASCII));
      UrgentSocket.of(writing).sendUrgent((byte) '!');
      out.write("\nthree\r\n".getBytes(StandardCharsets.US_ASCII));
      Input input = reader.nextLine();
      if (input.kind() == Input.Kind.LINE) {
        assertThat(input.text()).isEqualTo("one");
        input = reader.nextLine();
      }
      assertThat(input.kind()).isEqualTo(Input.Kind.URGENT);
      reader.skipToMark(WAIT);
      assertThat(reader.nextLine().text()).isEmpty();
      assertThat(reader.nextLine().text()).isEqualTo("three");
    });
  }

  @Test
  void urgentAloneWakesTheReader() throws Exception {
    withPair(0, (reading, writing) -> {
      UrgentLineReader reader = new UrgentLineReader(reading, 1024);
      reader.setTimeout(WAIT);
      UrgentSocket.of(writing).sendUrgent((byte) '!');
      assertThat(reader.nextLine().kind()).isEqualTo(Input.Kind.URGENT);
      assertThat(reader.pollUrgent()).isTrue();
      assertThat(reader.skipToMark(WAIT)).isZero();
      assertThat(reader.pollUrgent()).isFalse();
      writing.shutdownOutput();
      assertThat(reader.nextLine().kind()).isEqualTo(Input.Kind.END);
    });
  }
}
