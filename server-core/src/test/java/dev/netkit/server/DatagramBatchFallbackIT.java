package dev.netkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.PretendPlatform;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Where the native library does not load, a batch asked for {@link DatagramBatch.Mode#BATCHED}
 * falls back to one system call per datagram and still answers: the child JVM pretends to run on
 * an architecture netkit has no library for.
 */
class DatagramBatchFallbackIT {

  /** Echoes one datagram through a batch opened in BATCHED mode; returns what it saw. */
  static String echoThroughABatchedBatch() throws Exception {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (DatagramChannel server = DatagramChannel.open().bind(loopback);
        DatagramChannel client = DatagramChannel.open().bind(loopback);
        DatagramBatch batch = DatagramBatch.open(server, 8, 100, 100,
            DatagramBatch.Mode.BATCHED)) {
      client.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)),
          server.getLocalAddress());
      int received = batch.receive();
      batch.queueReply(0, batch.datagram(0));
      int sent = batch.flush();
      ByteBuffer reply = ByteBuffer.allocate(100);
      client.receive(reply);
      reply.flip();
      return "native " + DatagramBatch.nativeAvailable() + ", batched " + batch.isBatched()
          + ", received " + received + ", sent " + sent + ", reply "
          + StandardCharsets.US_ASCII.decode(reply);
    }
  }

  @Test
  void aBatchedBatchWithoutTheLibraryFallsBackAndAnswers() throws Exception {
    String output = PretendPlatform.run(null, "ppc64le",
        DatagramBatchFallbackIT.class, "echoThroughABatchedBatch");

    assertThat(output).contains(
        "returned: native false, batched false, received 1, sent 1, reply ping");
  }
}
