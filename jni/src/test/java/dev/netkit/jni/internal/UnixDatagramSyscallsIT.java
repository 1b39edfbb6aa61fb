package dev.netkit.jni.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.jni.NativeSocketException;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresNativeLibrary
class UnixDatagramSyscallsIT {

  @TempDir
  Path dir;

  private final List<Integer> descriptors = new ArrayList<>();

  @AfterEach
  void closeAll() throws IOException {
    for (int fd : descriptors) {
      SocketDescriptors.close(fd);
    }
  }

  private int open() throws IOException {
    int fd = UnixDatagramSyscalls.open();
    descriptors.add(fd);
    return fd;
  }

  private static byte[] bytes(Path path) {
    return path.toString().getBytes(UTF_8);
  }

  private static String receive(int fd, UnixDatagramSyscalls.Sender[] sender) throws IOException {
    assertThat(Poll.poll(fd, Poll.IN, 5000) & Poll.IN).isNotZero();
    byte[] buffer = new byte[64];
    int n = UnixDatagramSyscalls.receive(fd, buffer, 0, buffer.length, sender);
    return new String(buffer, 0, n, UTF_8);
  }

  @Test
  void bindCreatesTheSocketFileWithExactlyTheRequestedMode() throws IOException {
    for (int mode : new int[] {0600, 0640, 0666, 0}) {
      Path path = dir.resolve("mode" + Integer.toOctalString(mode));
      assertThat(UnixDatagramSyscalls.bind(open(), bytes(path), mode)).isFalse();

      assertThat(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))
          .as("mode %o", mode).isEqualTo(permissions(mode));
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder text = new StringBuilder();
    String letters = "rwxrwxrwx";
    for (int i = 0; i < letters.length(); i++) {
      text.append((mode & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(text.toString());
  }

  @Test
  void aDatagramArrivesWithTheSendersPathAndCredentials() throws IOException {
    Path serverPath = dir.resolve("server");
    Path clientPath = dir.resolve("client");
    int server = open();
    int client = open();
    UnixDatagramSyscalls.bind(server, bytes(serverPath), 0600);
    UnixDatagramSyscalls.passCredentials(server, true);
    UnixDatagramSyscalls.bind(client, bytes(clientPath), 0600);

    byte[] data = "hello".getBytes(UTF_8);
    assertThat(UnixDatagramSyscalls.send(client, data, 0, data.length, bytes(serverPath), false))
        .isEqualTo(5);
    UnixDatagramSyscalls.Sender[] sender = new UnixDatagramSyscalls.Sender[1];

    assertThat(receive(server, sender)).isEqualTo("hello");
    assertThat(new String(sender[0].senderAddress(), UTF_8)).isEqualTo(clientPath.toString());
    assertThat(sender[0].abstractSender()).isFalse();
    assertThat(sender[0].datagramLength()).isEqualTo(5);
    assertThat(sender[0].credentials().pid()).isEqualTo((int) ProcessHandle.current().pid());
    assertThat(sender[0].credentials().uid())
        .isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }

  @Test
  void anUnboundSenderHasNoAddressAndALongDatagramIsTruncated() throws IOException {
    Path serverPath = dir.resolve("server");
    int server = open();
    UnixDatagramSyscalls.bind(server, bytes(serverPath), 0600);
    byte[] data = new byte[100];

    UnixDatagramSyscalls.send(open(), data, 0, data.length, bytes(serverPath), false);
    byte[] small = new byte[10];
    UnixDatagramSyscalls.Sender[] sender = new UnixDatagramSyscalls.Sender[1];
    Poll.poll(server, Poll.IN, 5000);

    assertThat(UnixDatagramSyscalls.receive(server, small, 0, small.length, sender)).isEqualTo(10);
    assertThat(sender[0].datagramLength()).isEqualTo(100);
    assertThat(sender[0].senderAddress()).isNull();
    assertThat(sender[0].credentials()).isNull();
    assertThat(UnixDatagramSyscalls.receive(server, small, 0, small.length, sender))
        .isEqualTo(UnixDatagramSyscalls.NOTHING_QUEUED);
  }

  @Test
  void abstractNamesNeedNoFile() throws IOException {
    byte[] name = ("netkit-test-" + ProcessHandle.current().pid()).getBytes(UTF_8);
    int server = open();
    int client = open();
    UnixDatagramSyscalls.bindAbstract(server, name);
    UnixDatagramSyscalls.bindAbstract(client, (new String(name, UTF_8) + "-c").getBytes(UTF_8));
    UnixDatagramSyscalls.connect(client, name, true);
    byte[] data = "abstract".getBytes(UTF_8);

    UnixDatagramSyscalls.send(client, data, 0, data.length, null, false);
    UnixDatagramSyscalls.Sender[] sender = new UnixDatagramSyscalls.Sender[1];

    assertThat(receive(server, sender)).isEqualTo("abstract");
    assertThat(sender[0].abstractSender()).isTrue();
    assertThat(new String(sender[0].senderAddress(), UTF_8)).isEqualTo(new String(name, UTF_8)
        + "-c");
    assertThatThrownBy(() -> UnixDatagramSyscalls.bindAbstract(open(), name))
        .isInstanceOf(BindException.class).hasMessageStartingWith("bind failed: Address already");
  }

  @Test
  void errorsNameTheCallAndCarryTheErrno() throws IOException {
    Path taken = dir.resolve("taken");
    UnixDatagramSyscalls.bind(open(), bytes(taken), 0600);
    Path file = Files.writeString(dir.resolve("file"), "x");
    int fd = open();
    byte[] data = {1};

    assertThatThrownBy(() -> UnixDatagramSyscalls.bind(fd, bytes(taken), 0600))
        .isInstanceOf(BindException.class);
    assertThatThrownBy(() -> UnixDatagramSyscalls.connect(fd, bytes(file.resolve("x")), false))
        .isInstanceOfSatisfying(NativeSocketException.class, e -> {
          assertThat(e.errno()).isEqualTo(UnixDatagramSyscalls.ENOTDIR);
          assertThat(e.syscall()).isEqualTo("connect");
        });
    assertThatThrownBy(() -> UnixDatagramSyscalls.send(fd, data, 0, 1,
        bytes(dir.resolve("missing")), false))
        .isInstanceOfSatisfying(NativeSocketException.class,
            e -> assertThat(e.errno()).isEqualTo(UnixDatagramSyscalls.ENOENT));
    assertThatThrownBy(() -> UnixDatagramSyscalls.send(fd, data, 0, 1, bytes(file), false))
        .isInstanceOf(ConnectException.class).hasMessageStartingWith("sendto failed:");
  }

  @Test
  void streamPeersHaveKernelCredentials() throws IOException {
    Path path = dir.resolve("stream");
    try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      listener.bind(UnixDomainSocketAddress.of(path));
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
          SocketChannel accepted = listener.accept()) {
        UnixDatagramSyscalls.Credentials peer =
            UnixDatagramSyscalls.peerCredentials(SocketDescriptors.of(accepted));

        assertThat(peer.pid()).isEqualTo((int) ProcessHandle.current().pid());
        assertThat(peer.uid()).isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        assertThat(client.isConnected()).isTrue();
      }
    }
  }
}
