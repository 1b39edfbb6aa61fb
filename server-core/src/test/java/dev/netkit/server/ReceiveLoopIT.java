package dev.netkit.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReceiveLoopIT {

  @Test
  void aStepThatThrowsAnErrorCostsOneDatagramAndCloseEndsTheLoop() throws Exception {
    DatagramChannel server = DatagramChannel.open()
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    AtomicReference<Thread> loopThread = new AtomicReference<>();
    ByteBuffer buffer = ByteBuffer.allocate(64);
    ReceiveLoop loop = new ReceiveLoop("echo-loop", server, server::isOpen, () -> {
      loopThread.set(Thread.currentThread());
      SocketAddress sender = server.receive(buffer.clear());
      if (buffer.flip().get(0) == 'E') {
        throw new AssertionError("a broken step");
      }
      server.send(buffer, sender);
    }).start();
    try (DatagramChannel client = DatagramChannel.open()
        .connect(server.getLocalAddress())) {
      client.write(ByteBuffer.wrap("E".getBytes(UTF_8)));
      client.write(ByteBuffer.wrap("echo".getBytes(UTF_8)));
      ByteBuffer answer = ByteBuffer.allocate(64);
      client.read(answer);

      assertThat(new String(answer.array(), 0, answer.position(), UTF_8)).isEqualTo("echo");
    } finally {
      loop.close();
    }
    assertThat(server.isOpen()).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> !loopThread.get().isAlive());
  }
}
