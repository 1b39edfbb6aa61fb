package dev.netkit.unix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.testsupport.CloseAfterEach;
import dev.netkit.unix.testing.Stat;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@RequiresNativeLibrary
class UnixDatagramSocketIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @RegisterExtension
  final CloseAfterEach toClose = new CloseAfterEach();

  private UnixDatagramSocket open() throws IOException {
    return toClose.use(UnixDatagramSocket.open().receiveTimeout(WAIT));
  }

  @Test
  void aDatagramArrivesWithItsSendersPathAndCredentialsAndCanBeAnswered() throws Exception {
    UnixDatagramSocket server = open().bind(dir.resolve("server"));
    UnixDatagramSocket client = open().bind(dir.resolve("client"));

    client.send("ping".getBytes(UTF_8), dir.resolve("server"));
    UnixDatagram request = server.receive();
    server.reply("pong".getBytes(UTF_8), request);

    assertThat(request.text()).isEqualTo("ping");
    assertThat(request.senderPath()).isEqualTo(dir.resolve("client"));
    assertThat(request.sender()).isEqualTo(new PeerCredentials(ProcessHandle.current().pid(),
        PeerCredentials.currentUid(), gid()));
    UnixDatagram answer = client.receive();
    assertThat(answer.text()).isEqualTo("pong");
    assertThat(answer.senderPath()).isEqualTo(dir.resolve("server"));
  }

  @Test
  void anUnboundSenderCannotBeAnswered() throws Exception {
    UnixDatagramSocket server = open().bind(dir.resolve("server"));

    open().send("anonymous".getBytes(UTF_8), dir.resolve("server"));
    UnixDatagram request = server.receive();

    assertThat(request.senderPath()).isNull();
    assertThat(request.hasSenderAddress()).isFalse();
    assertThatThrownBy(() -> server.reply(new byte[1], request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the sender is not bound: it cannot be answered");
  }

  @Test
  void tenThousandDatagramsArriveCompleteAndInOrder() throws Exception {
    int count = 10_000;
    UnixDatagramSocket receiver = open().bind(dir.resolve("receiver"));
    UnixDatagramSocket sender = open();
    CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < count; i++) {
          sender.send(datagram(i), dir.resolve("receiver"));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });

    for (int i = 0; i < count; i++) {
      UnixDatagram received = receiver.receive();
      assertThat(received.isTruncated()).isFalse();
      assertThat(received.data()).as("datagram %d", i).isEqualTo(datagram(i));
    }
    sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aSenderBlocksWhileTheReceiverIsSlowAndNothingIsLost() throws Exception {
    int count = 10_000;
    Path receiverPath = dir.resolve("receiver");
    UnixDatagramSocket receiver = open().bind(receiverPath);
    UnixDatagramSocket sender = open();
    UnixDatagramSocket probe = open().sendTimeout(Duration.ofMillis(1));
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < count; i++) {
          sender.send(datagram(i), receiverPath);
          sent.incrementAndGet();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });

    // The receiver reads nothing: once even a probe cannot get a datagram in, its queue is full
    // and the sender is stuck in send().
    AtomicInteger probesQueued = new AtomicInteger();
    await().atMost(WAIT).until(() -> {
      try {
        probe.send(new byte[] {'p'}, receiverPath);
        probesQueued.incrementAndGet();
        return false;
      } catch (SocketTimeoutException full) {
        return true;
      }
    });
    int sentWhileFull = sent.get();
    assertThat(sentWhileFull).isLessThan(count);
    assertThat(sending).isNotDone();

    int next = 0;
    int probes = 0;
    while (next < count) {
      UnixDatagram received = receiver.receive();
      if (received.data().length == 1) {
        probes++;
        continue;
      }
      assertThat(received.data()).as("datagram %d", next).isEqualTo(datagram(next));
      next++;
    }
    sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(sent.get()).isEqualTo(count);
    assertThat(probes).isEqualTo(probesQueued.get());
  }

  @Test
  void theSocketFileHasTheRequestedModeAndIsRemovedOnClose() throws Exception {
    Path path = dir.resolve("dgram");
    UnixDatagramSocket socket = open().bind(path, FileModes.parse("0660"));

    assertThat(Stat.typeAndMode(path)).isEqualTo("socket 660");
    assertThat(listing()).containsExactly("dgram");
    assertThat(socket.localPath()).isEqualTo(path);
    socket.close();
    assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void theDefaultModeIsOwnerReadWriteOnly() throws Exception {
    Path path = dir.resolve("dgram");
    open().bind(path);

    assertThat(Stat.typeAndMode(path)).isEqualTo("socket 600");
  }

  @Test
  void aStalePathIsReusedALiveOneRefusedAndOtherFilesLeftAlone() throws Exception {
    Path stale = dir.resolve("stale");
    UnixDatagramSocket first = UnixDatagramSocket.open().bind(stale);
    Files.createLink(dir.resolve("keep"), stale);
    first.close();
    Files.move(dir.resolve("keep"), stale);
    assertThat(SocketFile.isSocket(stale)).isTrue();
    Path live = dir.resolve("live");
    open().bind(live);
    Path regular = Files.writeString(dir.resolve("regular"), "data");
    Path stream = dir.resolve("stream");
    toClose.use(new UnixStreamServer(UnixStreamServerConfig.defaults(stream), connection -> { })
        .start());

    open().bind(stale);
    assertThatThrownBy(() -> open().bind(live))
        .isInstanceOf(AddressInUseException.class)
        .hasMessageContaining("a server is accepting connections there");
    assertThatThrownBy(() -> open().bind(regular))
        .isInstanceOf(AddressInUseException.class)
        .hasMessageContaining("is not a socket (a regular file)");
    assertThatThrownBy(() -> open().bind(stream))
        .isInstanceOf(AddressInUseException.class)
        .hasMessageContaining("cannot tell whether the socket there is live");
    assertThat(Files.readString(regular)).isEqualTo("data");
    assertThat(SocketFile.isSocket(stream)).isTrue();
  }

  @Test
  void receiveTimesOut() throws Exception {
    UnixDatagramSocket socket = open().bind(dir.resolve("quiet"))
        .receiveTimeout(Duration.ofMillis(200));

    assertThatThrownBy(socket::receive)
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("receive timed out after 200 ms");
  }

  @Test
  void closeWakesABlockedReceiverAndABlockedSender() throws Exception {
    UnixDatagramSocket quiet = open().bind(dir.resolve("quiet")).receiveTimeout(Duration.ZERO);
    Path fullPath = dir.resolve("full");
    open().bind(fullPath);
    UnixDatagramSocket sender = open();
    AtomicInteger sent = new AtomicInteger();
    CompletableFuture<UnixDatagram> receiving = CompletableFuture.supplyAsync(() -> {
      try {
        return quiet.receive();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
      try {
        while (true) {
          sender.send(new byte[100], fullPath);
          sent.incrementAndGet();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    UnixDatagramSocket probe = open().sendTimeout(Duration.ofMillis(1));
    await().atMost(WAIT).until(() -> queueIsFull(probe, fullPath));

    quiet.close();
    sender.close();

    await().atMost(WAIT).until(() -> receiving.isDone() && sending.isDone());
    assertThatThrownBy(receiving::join).hasRootCauseInstanceOf(AsynchronousCloseException.class);
    assertThatThrownBy(sending::join).hasRootCauseInstanceOf(AsynchronousCloseException.class);
  }

  @Test
  void abstractNamesWorkWithoutAFile() throws Exception {
    String name = "netkit-it-" + ProcessHandle.current().pid();
    UnixDatagramSocket server = open().bindAbstract(name);
    UnixDatagramSocket client = open().bindAbstract(name + "-client").connectAbstract(name);

    client.send("hi".getBytes(UTF_8));
    UnixDatagram request = server.receive();
    server.reply("ho".getBytes(UTF_8), request);

    assertThat(request.senderAbstractName()).isEqualTo(name + "-client");
    assertThat(client.receive().text()).isEqualTo("ho");
    assertThat(server.localAbstractName()).isEqualTo(name);
    assertThatThrownBy(() -> open().bindAbstract(name)).isInstanceOf(AddressInUseException.class);
  }

  @Test
  void errorsAreSpecificAndReadable() throws Exception {
    UnixDatagramSocket socket = open();
    Path missing = dir.resolve("missing");
    Path file = Files.writeString(dir.resolve("file"), "x");
    String base = dir + "/";
    Path tooLong = Path.of(base + "n".repeat(108 - base.length()));

    assertThatThrownBy(() -> socket.send(new byte[1], missing))
        .isInstanceOf(ConnectException.class)
        .hasMessage("sendto " + missing + ": no such file or directory (ENOENT): no server has"
            + " created this socket");
    assertThatThrownBy(() -> socket.connect(file.resolve("x")))
        .isInstanceOf(NotADirectoryException.class)
        .hasMessage("connect " + file.resolve("x") + ": not a directory (ENOTDIR): " + file
            + " is not a directory");
    assertThatThrownBy(() -> socket.bind(tooLong))
        .isInstanceOf(PathTooLongException.class)
        .hasMessage("socket path too long: 108 bytes (limit: 107; sun_path holds 108 bytes on"
            + " Linux, including the terminating NUL): " + tooLong);
    open().bind(Path.of(base + "n".repeat(107 - base.length())));
  }

  @Test
  void aLongDatagramIsTruncatedToTheMaximum() throws Exception {
    UnixDatagramSocket server = open().bind(dir.resolve("server")).maxDatagramBytes(10);

    open().send(new byte[50], dir.resolve("server"));
    UnixDatagram received = server.receive();

    assertThat(received.isTruncated()).isTrue();
    assertThat(received.data()).hasSize(10);
    assertThat(received.length()).isEqualTo(50);
  }

  private static boolean queueIsFull(UnixDatagramSocket probe, Path receiver) throws IOException {
    try {
      probe.send(new byte[1], receiver);
      return false;
    } catch (SocketTimeoutException e) {
      return true;
    }
  }

  /** Datagram i: its number, then (i % 1500) + 2 bytes of a pattern that depends on i. */
  static byte[] datagram(int i) {
    byte[] data = new byte[4 + (i % 1500) + 2];
    ByteBuffer.wrap(data).putInt(i);
    for (int j = 4; j < data.length; j++) {
      data[j] = (byte) (i * 31 + j);
    }
    return data;
  }

  private static int gid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

}
