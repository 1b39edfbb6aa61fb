package dev.netkit.jni.internal;

import static dev.netkit.jni.internal.DatagramBatchSyscalls.META_ADDRESS;
import static dev.netkit.jni.internal.DatagramBatchSyscalls.META_BYTES;
import static dev.netkit.jni.internal.DatagramBatchSyscalls.META_FAMILY;
import static dev.netkit.jni.internal.DatagramBatchSyscalls.META_FULL_LENGTH;
import static dev.netkit.jni.internal.DatagramBatchSyscalls.META_LENGTH;
import static dev.netkit.jni.internal.DatagramBatchSyscalls.META_PORT;
import static dev.netkit.jni.internal.DatagramBatchSyscalls.META_STATUS;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.BadDescriptorSocketException;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@RequiresNativeLibrary
class DatagramBatchSyscallsIT {

  private static final int SLOT = 64;
  private static final InetSocketAddress LOOPBACK4 =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final List<DatagramChannel> channels = new ArrayList<>();
  private final ByteBuffer data = ByteBuffer.allocateDirect(16 * SLOT);
  private final ByteBuffer meta =
      ByteBuffer.allocateDirect(16 * META_BYTES).order(ByteOrder.nativeOrder());

  @AfterEach
  void closeAll() throws IOException {
    for (DatagramChannel channel : channels) {
      channel.close();
    }
  }

  private DatagramChannel open(StandardProtocolFamily family, InetSocketAddress bind)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open(family);
    channels.add(channel);
    channel.bind(bind);
    return channel;
  }

  private DatagramChannel open4() throws IOException {
    return open(StandardProtocolFamily.INET, LOOPBACK4);
  }

  private static void send(DatagramChannel from, String text, DatagramChannel to)
      throws IOException {
    from.send(ByteBuffer.wrap(text.getBytes(US_ASCII)), to.getLocalAddress());
  }

  private String text(int slot) {
    byte[] bytes = new byte[meta.getInt(slot * META_BYTES + META_LENGTH)];
    data.get(slot * SLOT, bytes);
    return new String(bytes, US_ASCII);
  }

  private int port(int slot) {
    return meta.getInt(slot * META_BYTES + META_PORT);
  }

  private int family(int slot) {
    return meta.getInt(slot * META_BYTES + META_FAMILY);
  }

  private byte[] address(int slot, int length) {
    byte[] bytes = new byte[length];
    meta.get(slot * META_BYTES + META_ADDRESS, bytes);
    return bytes;
  }

  /** Receives until {@code expected} datagrams arrived; each call returns at least one. */
  private int receiveAll(int fd, int expected) throws IOException {
    int total = 0;
    ByteBuffer wholeData = data;
    while (total < expected) {
      int n = DatagramBatchSyscalls.receive(fd, wholeData.slice(total * SLOT,
          (16 - total) * SLOT), SLOT, meta.slice(total * META_BYTES, (16 - total) * META_BYTES)
          .order(ByteOrder.nativeOrder()), expected - total);
      assertThat(n).isPositive();
      total += n;
    }
    return total;
  }

  @Test
  void receivesQueuedDatagramsInOneCallWithTheirSendersAndLengths() throws IOException {
    DatagramChannel server = open4();
    DatagramChannel a = open4();
    DatagramChannel b = open4();
    send(a, "one", server);
    send(b, "two!", server);
    send(a, "three", server);
    // All three are queued before the call: MSG_WAITFORONE takes them together.
    int n = DatagramBatchSyscalls.receive(SocketDescriptors.of(server), data, SLOT, meta, 8);

    assertThat(n).isEqualTo(3);
    assertThat(List.of(text(0), text(1), text(2))).containsExactly("one", "two!", "three");
    int portA = ((InetSocketAddress) a.getLocalAddress()).getPort();
    int portB = ((InetSocketAddress) b.getLocalAddress()).getPort();
    assertThat(List.of(port(0), port(1), port(2))).containsExactly(portA, portB, portA);
    assertThat(family(1)).isEqualTo(4);
    assertThat(address(1, 4)).containsExactly(127, 0, 0, 1);
    assertThat(meta.getInt(META_FULL_LENGTH)).isEqualTo(3);
    assertThat(meta.getInt(META_STATUS)).isZero();
  }

  @Test
  void takesNoMoreThanCountAndLeavesTheRestQueued() throws IOException {
    DatagramChannel server = open4();
    DatagramChannel a = open4();
    for (int i = 0; i < 5; i++) {
      send(a, "m" + i, server);
    }
    int fd = SocketDescriptors.of(server);
    assertThat(DatagramBatchSyscalls.receive(fd, data, SLOT, meta, 2)).isEqualTo(2);
    assertThat(text(1)).isEqualTo("m1");
    assertThat(DatagramBatchSyscalls.receive(fd, data, SLOT, meta, 16)).isEqualTo(3);
    assertThat(text(0)).isEqualTo("m2");
    assertThat(text(2)).isEqualTo("m4");
  }

  @Test
  void receiveQueuedTakesWhatIsQueuedAndNeverWaits() throws IOException {
    DatagramChannel server = open4();
    DatagramChannel a = open4();
    int fd = SocketDescriptors.of(server);
    assertThat(DatagramBatchSyscalls.receiveQueued(fd, data, SLOT, meta, 4))
        .isEqualTo(DatagramBatchSyscalls.NOTHING_QUEUED);
    send(a, "q1", server);
    send(a, "q2", server);
    assertThat(receiveAll(fd, 2)).isEqualTo(2);
    send(a, "q3", server);
    await().atMost(Duration.ofSeconds(5))
        .until(() -> DatagramBatchSyscalls.receiveQueued(fd, data, SLOT, meta, 4) == 1);
    assertThat(text(0)).isEqualTo("q3");
  }

  @Test
  void flagsATruncatedDatagramAndReportsItsFullLength() throws IOException {
    DatagramChannel server = open4();
    DatagramChannel a = open4();
    a.send(ByteBuffer.wrap(new byte[100]), server.getLocalAddress());
    send(a, "", server);
    int n = receiveAll(SocketDescriptors.of(server), 2);

    assertThat(n).isEqualTo(2);
    assertThat(meta.getInt(META_LENGTH)).isEqualTo(SLOT);
    assertThat(meta.getInt(META_FULL_LENGTH)).isEqualTo(100);
    assertThat(meta.getInt(META_STATUS) & DatagramBatchSyscalls.FLAG_TRUNCATED).isNotZero();
    // An empty datagram is a datagram, not the end of the socket.
    assertThat(meta.getInt(META_BYTES + META_LENGTH)).isZero();
    assertThat(meta.getInt(META_BYTES + META_STATUS)).isZero();
  }

  @Test
  void reportsIpv6SendersAndIpv4SendersOfADualStackSocketAsIpv4() throws IOException {
    DatagramChannel server = open(StandardProtocolFamily.INET6, new InetSocketAddress("::", 0));
    int serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
    DatagramChannel six = open(StandardProtocolFamily.INET6, new InetSocketAddress("::1", 0));
    DatagramChannel four = open4();
    six.send(ByteBuffer.wrap(new byte[] {6}), new InetSocketAddress("::1", serverPort));
    four.send(ByteBuffer.wrap(new byte[] {4}), new InetSocketAddress("127.0.0.1", serverPort));
    receiveAll(SocketDescriptors.of(server), 2);

    assertThat(family(0)).isEqualTo(6);
    assertThat(address(0, 16)).isEqualTo(InetAddress.getByName("::1").getAddress());
    assertThat(port(0)).isEqualTo(((InetSocketAddress) six.getLocalAddress()).getPort());
    assertThat(family(1)).isEqualTo(4);
    assertThat(address(1, 4)).containsExactly(127, 0, 0, 1);
    assertThat(DatagramBatchSyscalls.family(SocketDescriptors.of(server))).isEqualTo(6);
    assertThat(DatagramBatchSyscalls.family(SocketDescriptors.of(four))).isEqualTo(4);
  }

  private void put(int slot, String text, InetSocketAddress to) {
    byte[] bytes = text.getBytes(US_ASCII);
    data.put(slot * SLOT, bytes);
    int record = slot * META_BYTES;
    meta.putInt(record + META_LENGTH, bytes.length);
    meta.putInt(record + META_STATUS, 12345);
    byte[] address = to.getAddress().getAddress();
    meta.putInt(record + META_FAMILY, address.length == 4 ? 4 : 6);
    meta.putInt(record + META_PORT, to.getPort());
    meta.putInt(record + DatagramBatchSyscalls.META_SCOPE, 0);
    meta.put(record + META_ADDRESS, address);
  }

  private static String receiveText(DatagramChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(SLOT);
    channel.receive(buffer);
    return new String(buffer.array(), 0, buffer.position(), US_ASCII);
  }

  @Test
  void sendsEveryDatagramToItsOwnPeerInOrder() throws IOException {
    DatagramChannel sender = open4();
    DatagramChannel a = open4();
    DatagramChannel b = open4();
    InetSocketAddress toA = (InetSocketAddress) a.getLocalAddress();
    InetSocketAddress toB = (InetSocketAddress) b.getLocalAddress();
    put(0, "a1", toA);
    put(1, "b1", toB);
    put(2, "a2", toA);
    DatagramBatchSyscalls.send(SocketDescriptors.of(sender), 4, data, SLOT, meta, 3);

    assertThat(List.of(receiveText(a), receiveText(a))).containsExactly("a1", "a2");
    assertThat(receiveText(b)).isEqualTo("b1");
    for (int i = 0; i < 3; i++) {
      assertThat(meta.getInt(i * META_BYTES + META_STATUS)).isZero();
    }
  }

  @Test
  void anIpv6SocketSendsToIpv4Peers() throws IOException {
    DatagramChannel sender = open(StandardProtocolFamily.INET6, new InetSocketAddress("::", 0));
    DatagramChannel a = open4();
    put(0, "mapped", (InetSocketAddress) a.getLocalAddress());
    DatagramBatchSyscalls.send(SocketDescriptors.of(sender), 6, data, SLOT, meta, 1);

    assertThat(receiveText(a)).isEqualTo("mapped");
  }

  @Test
  void aFailingDatagramCostsOnlyItselfAndTheRestIsSent() throws IOException {
    DatagramChannel sender = open4();
    DatagramChannel a = open4();
    InetSocketAddress toA = (InetSocketAddress) a.getLocalAddress();
    put(0, "before", toA);
    // Port 0 is not a destination: sendmmsg stops there with EINVAL after sending the first.
    put(1, "bad", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    put(2, "after", toA);
    DatagramBatchSyscalls.send(SocketDescriptors.of(sender), 4, data, SLOT, meta, 3);

    assertThat(List.of(receiveText(a), receiveText(a))).containsExactly("before", "after");
    assertThat(meta.getInt(META_STATUS)).isZero();
    int status = meta.getInt(META_BYTES + META_STATUS);
    assertThat(status).isNegative();
    assertThat(DatagramBatchSyscalls.sendFailure(status)).hasMessageStartingWith(
        "sendmmsg failed: ");
    assertThat(meta.getInt(2 * META_BYTES + META_STATUS)).isZero();
  }

  /** Receives up to 4 datagrams on another thread (the call blocks until one comes). */
  private CompletableFuture<Integer> receiveInBackground(int fd) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return DatagramBatchSyscalls.receive(fd, data, SLOT, meta, 4);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void shutdownWakesABlockedReceiverWhichThenSeesNothing() throws Exception {
    DatagramChannel server = open4();
    int fd = SocketDescriptors.of(server);
    CompletableFuture<Integer> receiver = receiveInBackground(fd);
    // Whether the receiver blocks already or only later, shutdown makes it return 0.
    DatagramBatchSyscalls.shutdown(fd);
    assertThat(receiver.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(DatagramBatchSyscalls.receive(fd, data, SLOT, meta, 4)).isZero();
  }

  @Test
  void aNonBlockingChannelIsWaitedForWithPoll() throws Exception {
    DatagramChannel server = open4();
    server.configureBlocking(false);
    DatagramChannel a = open4();
    int fd = SocketDescriptors.of(server);
    CompletableFuture<Integer> receiver = receiveInBackground(fd);
    send(a, "late", server);
    assertThat(receiver.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(text(0)).isEqualTo("late");
  }

  @Test
  void aClosedChannelHasNoDescriptorAndAClosedDescriptorIsReported() throws IOException {
    DatagramChannel server = open4();
    int copy = SocketDescriptors.duplicate(SocketDescriptors.of(server));
    SocketDescriptors.close(copy);
    server.close();

    assertThatThrownBy(() -> SocketDescriptors.of(server))
        .isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> DatagramBatchSyscalls.receive(copy, data, SLOT, meta, 1))
        .isInstanceOf(BadDescriptorSocketException.class)
        .hasMessageStartingWith("recvmmsg failed: ");
    put(0, "x", LOOPBACK4);
    assertThatThrownBy(() -> DatagramBatchSyscalls.send(copy, 4, data, SLOT, meta, 1))
        .isInstanceOf(BadDescriptorSocketException.class)
        .hasMessageStartingWith("sendmmsg failed: ");
  }

  @Test
  void refusesHeapBuffersAndCountsOutOfRange() {
    ByteBuffer heap = ByteBuffer.allocate(16 * SLOT);
    assertThatThrownBy(() -> DatagramBatchSyscalls.receive(0, heap, SLOT, meta, 1))
        .hasMessage("data and meta must be direct buffers");
    assertThatThrownBy(() -> DatagramBatchSyscalls.receive(0, data, SLOT, meta, 0))
        .hasMessage("count : 0 (expected: 1 to 256)");
    assertThatThrownBy(() -> DatagramBatchSyscalls.send(0, 4, data, SLOT, meta, 257))
        .hasMessage("count : 257 (expected: 1 to 256)");
    assertThatThrownBy(() -> DatagramBatchSyscalls.receive(0, data, SLOT, meta, 16 + 1))
        .hasMessageStartingWith("data : ");
  }
}
