package dev.netkit.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.server.DatagramBatch.Mode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same contract on both paths: recvmmsg/sendmmsg (BATCHED) and one call per datagram. */
class DatagramBatchIT {

  private static final InetSocketAddress LOOPBACK =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Map<DatagramBatch, DatagramChannel> channels = new IdentityHashMap<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private DatagramChannel channel(StandardProtocolFamily family, InetSocketAddress bind)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open(family);
    resources.add(channel);
    return channel.bind(bind);
  }

  private DatagramChannel client() throws IOException {
    return channel(StandardProtocolFamily.INET, LOOPBACK);
  }

  private DatagramBatch batch(Mode mode, int slots, int bytes) throws IOException {
    return batch(mode, slots, bytes, channel(StandardProtocolFamily.INET, LOOPBACK));
  }

  private DatagramBatch batch(Mode mode, int slots, int bytes, DatagramChannel channel)
      throws IOException {
    if (mode == Mode.BATCHED) {
      assumeTrue(DatagramBatch.nativeAvailable(), "the native library is not available");
    }
    DatagramBatch batch = DatagramBatch.open(channel, slots, bytes, bytes, mode);
    resources.add(batch);
    channels.put(batch, channel);
    assertThat(batch.isBatched()).isEqualTo(mode == Mode.BATCHED);
    return batch;
  }

  private static InetSocketAddress address(DatagramChannel channel) throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(US_ASCII));
  }

  private static String text(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return new String(bytes, US_ASCII);
  }

  private static String receiveText(DatagramChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(256);
    channel.receive(buffer);
    return text(buffer.flip());
  }

  /** Receives until {@code count} datagrams came, answering each with its text reversed. */
  private static List<String> receiveAndReverse(DatagramBatch batch, int count)
      throws IOException {
    List<String> seen = new ArrayList<>();
    while (seen.size() < count) {
      int n = batch.receive();
      for (int i = 0; i < n; i++) {
        String request = text(batch.datagram(i));
        seen.add(request + "@" + batch.sender(i).getPort());
        batch.queueReply(i, ascii(new StringBuilder(request).reverse().toString()));
      }
      batch.flush();
    }
    return seen;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void answersEveryDatagramToItsSenderInOrder(Mode mode) throws IOException {
    DatagramBatch batch = batch(mode, 8, 64);
    DatagramChannel a = client();
    DatagramChannel b = client();
    InetSocketAddress to = address(channels.get(batch));
    a.send(ascii("abc"), to);
    b.send(ascii("hello"), to);
    a.send(ascii("xyz"), to);

    assertThat(receiveAndReverse(batch, 3)).containsExactly("abc@" + address(a).getPort(),
        "hello@" + address(b).getPort(), "xyz@" + address(a).getPort());
    assertThat(List.of(receiveText(a), receiveText(a))).containsExactly("cba", "zyx");
    assertThat(receiveText(b)).isEqualTo("olleh");
    DatagramBatchStats stats = batch.stats();
    assertThat(stats.received()).isEqualTo(3);
    assertThat(stats.sent()).isEqualTo(3);
    assertThat(stats.sendFailures()).isZero();
  }

  @Test
  void theNativePathTakesEveryQueuedDatagramInOneCall() throws IOException {
    DatagramBatch batch = batch(Mode.BATCHED, 16, 64);
    DatagramChannel a = client();
    for (int i = 0; i < 5; i++) {
      a.send(ascii("m" + i), address(channels.get(batch)));
    }
    assertThat(batch.receive()).isEqualTo(5);
    assertThat(text(batch.datagram(4))).isEqualTo("m4");
    assertThat(batch.stats().receivedPerCall()).isEqualTo(5.0);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void queuedDatagramsAreFlushedWhenTheSlotsAreFullAndStayInOrder(Mode mode) throws IOException {
    DatagramBatch batch = batch(mode, 2, 64);
    DatagramChannel a = client();
    for (int i = 0; i < 5; i++) {
      batch.queue(ascii("n" + i), address(a));
    }
    assertThat(batch.queued()).isEqualTo(1);
    assertThat(batch.flush()).isEqualTo(1);
    List<String> got = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      got.add(receiveText(a));
    }
    assertThat(got).containsExactly("n0", "n1", "n2", "n3", "n4");
    assertThat(batch.stats().sendCalls()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRefusedDestinationCostsOnlyItsOwnDatagram(Mode mode) throws IOException {
    DatagramBatch batch = batch(mode, 4, 64);
    DatagramChannel a = client();
    batch.queue(ascii("before"), address(a));
    batch.queue(ascii("lost"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    batch.queue(ascii("after"), address(a));

    assertThat(batch.flush()).isEqualTo(2);
    assertThat(List.of(receiveText(a), receiveText(a))).containsExactly("before", "after");
    assertThat(batch.stats().sendFailures()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDatagramLongerThanItsSlotIsCutToTheSlot(Mode mode) throws IOException {
    DatagramBatch batch = batch(mode, 4, 8);
    DatagramChannel a = client();
    a.send(ascii("0123456789"), address(channels.get(batch)));
    assertThat(batch.receive()).isEqualTo(1);
    assertThat(text(batch.datagram(0))).isEqualTo("01234567");
    assertThatThrownBy(() -> batch.queue(ascii("0123456789"), address(a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("datagram : 10 bytes (expected: <= 8)");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anIpv6SocketServesIpv4AndIpv6Clients(Mode mode) throws IOException {
    DatagramChannel server = channel(StandardProtocolFamily.INET6, new InetSocketAddress("::",
        0));
    DatagramBatch batch = batch(mode, 8, 64, server);
    int port = address(server).getPort();
    DatagramChannel four = client();
    DatagramChannel six = channel(StandardProtocolFamily.INET6, new InetSocketAddress("::1", 0));
    four.send(ascii("four"), new InetSocketAddress("127.0.0.1", port));
    six.send(ascii("six"), new InetSocketAddress("::1", port));

    List<String> seen = receiveAndReverse(batch, 2);
    assertThat(seen).containsExactlyInAnyOrder("four@" + address(four).getPort(),
        "six@" + address(six).getPort());
    assertThat(receiveText(four)).isEqualTo("ruof");
    assertThat(receiveText(six)).isEqualTo("xis");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void receiveQueuedReturnsZeroWhenNothingIsQueued(Mode mode) throws IOException {
    DatagramChannel server = client();
    server.configureBlocking(false);
    DatagramBatch batch = batch(mode, 4, 64, server);
    assertThat(batch.receiveQueued()).isZero();
    DatagramChannel a = client();
    a.send(ascii("now"), address(server));
    await().atMost(Duration.ofSeconds(5)).until(() -> batch.receiveQueued() == 1);
    assertThat(text(batch.datagram(0))).isEqualTo("now");
    assertThat(batch.sender(0)).isEqualTo(address(a));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void closeWakesABlockedReceiver(Mode mode) throws Exception {
    DatagramBatch batch = batch(mode, 4, 64);
    CompletableFuture<Integer> receiver = CompletableFuture.supplyAsync(() -> {
      try {
        return batch.receive();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    batch.close();
    assertThatThrownBy(() -> receiver.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseInstanceOf(ClosedChannelException.class);
    assertThat(batch.isOpen()).isFalse();
    assertThat(channels.get(batch).isOpen()).isFalse();
    assertThatThrownBy(batch::receive).isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void refusesSlotCountsOutOfRange() throws IOException {
    DatagramChannel channel = client();
    assertThatThrownBy(() -> DatagramBatch.open(channel, 0, 8, 8, Mode.PLAIN))
        .hasMessage("slots : 0 (expected: 1-256)");
    assertThatThrownBy(() -> DatagramBatch.open(channel, 257, 8, 8, Mode.PLAIN))
        .hasMessage("slots : 257 (expected: 1-256)");
    assertThatThrownBy(() -> DatagramBatch.open(channel, 1, 0, 8, Mode.PLAIN))
        .hasMessage("receiveBytes : 0 (expected: > 0)");
  }
}
