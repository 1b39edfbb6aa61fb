package dev.netkit.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.netkit.server.ConnectionHandler;
import dev.netkit.server.ConnectionIo;
import dev.netkit.testsupport.CloseAfterEach;
import dev.netkit.unix.testing.Stat;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The socket-file lifecycle over real UNIX-domain stream sockets. */
class SocketFileIT {

  @TempDir
  Path dir;

  @RegisterExtension
  final CloseAfterEach toClose = new CloseAfterEach();

  @ParameterizedTest
  @ValueSource(strings = {"0600", "0660", "0666", "0700"})
  void theSocketFileHasTheRequestedModeAndNoStagingDirectoryRemains(String mode)
      throws Exception {
    Path path = dir.resolve("sock");
    start(path, mode);

    assertThat(Stat.typeAndMode(path)).isEqualTo("socket " + mode.substring(1));
    assertThat(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(FileModes.parse(mode));
    assertThat(listing()).containsExactly("sock");
  }

  @Test
  void theDefaultModeIsOwnerReadWriteOnly() throws Exception {
    Path path = dir.resolve("sock");
    toClose.use(new UnixStreamServer(UnixStreamServerConfig.defaults(path), echo())
        .start());

    assertThat(Stat.typeAndMode(path)).isEqualTo("socket 600");
  }

  @Test
  void aClientTalksToTheServerThroughTheLinkedPath() throws Exception {
    Path path = dir.resolve("sock");
    start(path, "0600");

    assertThat(roundTrip(path, "hello")).isEqualTo("hello");
  }

  @Test
  void aStaleSocketFileIsRemovedAndThePathReused() throws Exception {
    Path path = dir.resolve("sock");
    leaveStaleSocket(path);
    assertThat(SocketFile.isSocket(path)).isTrue();

    start(path, "0600");

    assertThat(roundTrip(path, "after stale")).isEqualTo("after stale");
    assertThat(Stat.typeAndMode(path)).isEqualTo("socket 600");
  }

  @Test
  void aLiveServerIsNeverStolenFrom() throws Exception {
    Path path = dir.resolve("sock");
    start(path, "0600");
    Object inode = fileKey(path);

    assertThatThrownBy(() -> start(path, "0600"))
        .isInstanceOf(AddressInUseException.class)
        .hasMessage("bind " + path + ": address in use (EADDRINUSE): a server is accepting"
            + " connections there; stop it or choose another path");

    assertThat(fileKey(path)).isEqualTo(inode);
    assertThat(roundTrip(path, "still mine")).isEqualTo("still mine");
    assertThat(listing()).containsExactly("sock");
  }

  @Test
  void aRegularFileIsNeverDeleted() throws Exception {
    Path path = Files.writeString(dir.resolve("precious"), "data");

    assertThatThrownBy(() -> start(path, "0600"))
        .isInstanceOf(AddressInUseException.class)
        .hasMessage("bind " + path + ": address in use (EADDRINUSE): the path exists and is not"
            + " a socket (a regular file); netkit leaves it alone");
    assertThat(Files.readString(path)).isEqualTo("data");
    assertThat(listing()).containsExactly("precious");
  }

  @Test
  void aDirectoryOrASymbolicLinkToASocketIsNeverDeleted() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("directory"));
    Path stale = dir.resolve("stale");
    leaveStaleSocket(stale);
    Path link = Files.createSymbolicLink(dir.resolve("link"), stale);

    assertThatThrownBy(() -> start(directory, "0600"))
        .isInstanceOf(AddressInUseException.class).hasMessageContaining("(a directory)");
    assertThatThrownBy(() -> start(link, "0600"))
        .isInstanceOf(AddressInUseException.class).hasMessageContaining("(a symbolic link)");
    assertThat(Files.isDirectory(directory)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(stale);
    assertThat(SocketFile.isSocket(stale)).isTrue();
  }

  @Test
  void closeRemovesTheSocketFile() throws Exception {
    Path path = dir.resolve("sock");
    UnixStreamServer server = start(path, "0600");

    server.close();

    assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(listing()).isEmpty();
  }

  @Test
  void closeLeavesAFileThatReplacedTheSocketAlone() throws Exception {
    Path path = dir.resolve("sock");
    UnixStreamServer server = start(path, "0600");
    Files.delete(path);
    Files.writeString(path, "someone else's");

    server.close();

    assertThat(Files.readString(path)).isEqualTo("someone else's");
  }

  @Test
  void racingServersOnAStalePathNeverBothWin() throws Exception {
    Path path = dir.resolve("sock");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        leaveStaleSocket(path);
        CyclicBarrier barrier = new CyclicBarrier(2);
        Callable<UnixStreamServer> claim = () -> {
          barrier.await(10, TimeUnit.SECONDS);
          return new UnixStreamServer(UnixStreamServerConfig.defaults(path), echo()).start();
        };
        List<Future<UnixStreamServer>> results = List.of(pool.submit(claim), pool.submit(claim));
        List<UnixStreamServer> winners = new ArrayList<>();
        for (Future<UnixStreamServer> result : results) {
          try {
            winners.add(result.get(30, TimeUnit.SECONDS));
          } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AddressInUseException.class);
          }
        }
        assertThat(winners).as("round %d", round).hasSize(1);
        assertThat(roundTrip(path, "round " + round)).isEqualTo("round " + round);
        winners.get(0).close();
        assertThat(listing()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPathLongerThanTheJdkAcceptsIsRefusedBeforeAnySystemCall() throws IOException {
    Path path = pathOfBytes(107);

    assertThatThrownBy(() -> start(path, "0600"))
        .isInstanceOf(PathTooLongException.class)
        .hasMessage("socket path too long: 107 bytes (limit: 106; sun_path holds 108 bytes on"
            + " Linux, including the terminating NUL): " + path)
        .asInstanceOf(InstanceOfAssertFactories.type(SocketPathException.class))
        .extracting(SocketPathException::path).isEqualTo(path);
    assertThatThrownBy(() -> UnixSockets.connect(path))
        .isInstanceOf(PathTooLongException.class)
        .hasMessageStartingWith("socket path too long: 107 bytes (limit: 106;");
    assertThat(listing()).isEmpty();
  }

  @Test
  void aPathOfExactlyTheLimitWorks() throws Exception {
    Path path = pathOfBytes(106);
    start(path, "0600");

    assertThat(roundTrip(path, "long")).isEqualTo("long");
  }

  @Test
  void aShortNameInADeepDirectoryIsRefusedWhenTheStagingPathWouldNotFit() throws Exception {
    Path deep = pathOfBytes(100);
    Files.createDirectory(deep);
    Path path = deep.resolve("s");

    assertThatThrownBy(() -> start(path, "0600"))
        .isInstanceOf(PathTooLongException.class)
        .hasMessageContaining("is bound in a private directory next to it, whose socket path has"
            + " 110 bytes (limit: 106;");
    try (Stream<Path> files = Files.list(deep)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aComponentThatIsNotADirectoryIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path path = file.resolve("sock");

    assertThatThrownBy(() -> start(path, "0600"))
        .isInstanceOf(NotADirectoryException.class)
        .hasMessage("bind " + path + ": not a directory (ENOTDIR): " + file
            + " is not a directory");
    assertThatThrownBy(() -> UnixSockets.connect(path))
        .isInstanceOf(NotADirectoryException.class)
        .hasMessage("connect " + path + ": not a directory (ENOTDIR): " + file
            + " is not a directory")
        .asInstanceOf(InstanceOfAssertFactories.type(SocketPathException.class))
        .extracting(SocketPathException::path).isEqualTo(path);
  }

  @Test
  void aMissingDirectoryIsReported() throws IOException {
    Path path = dir.resolve("missing").resolve("sock");

    assertThatThrownBy(() -> start(path, "0600"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no such file or directory (ENOENT): the directory "
            + path.getParent() + " does not exist");
  }

  @Test
  void anUnwritableDirectoryGivesPermissionDenied() throws Exception {
    assumeFalse(PeerCredentials.currentUid() == 0, "root ignores directory permissions");
    Path locked = Files.createDirectory(dir.resolve("locked"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
    Path path = locked.resolve("sock");

    assertThatThrownBy(() -> start(path, "0600"))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessage("bind " + path + ": permission denied (EACCES): cannot create a file in "
            + locked);
  }

  @Test
  void connectingToNothingOrToAStaleFileSaysWhy() throws Exception {
    Path missing = dir.resolve("missing");
    Path stale = dir.resolve("stale");
    leaveStaleSocket(stale);

    assertThatThrownBy(() -> UnixSockets.connect(missing))
        .isInstanceOf(ConnectException.class)
        .hasMessage("connect " + missing + ": no such file or directory (ENOENT): no server has"
            + " created this socket");
    assertThatThrownBy(() -> UnixSockets.connect(stale))
        .isInstanceOf(ConnectException.class)
        .hasMessage("connect " + stale + ": connection refused (ECONNREFUSED): no socket accepts"
            + " there (a stale socket file, or a file that is not a socket)");
  }

  private Path pathOfBytes(int bytes) {
    String base = dir.toString() + "/";
    return Path.of(base + "n".repeat(bytes - base.length()));
  }

  private UnixStreamServer start(Path path, String mode) throws IOException {
    UnixStreamServer server = new UnixStreamServer(UnixStreamServerConfig.builder(path)
        .socketFile(SocketFileConfig.builder(path).permissions(FileModes.parse(mode)).build())
        .build(), echo()).start();
    toClose.use(server);
    return server;
  }

  private static ConnectionHandler echo() {
    return connection -> {
      ConnectionIo io = connection.io();
      ByteBuffer buffer = ByteBuffer.allocate(1024);
      while (io.read(buffer.clear()) >= 0) {
        io.write(buffer.flip());
      }
      io.shutdownOutput();
    };
  }

  static String roundTrip(Path path, String text) throws IOException {
    try (SocketChannel channel = UnixSockets.connect(path)) {
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      channel.shutdownOutput();
      ByteBuffer answer = ByteBuffer.allocate(1024);
      while (channel.read(answer) >= 0) {
        assertThat(answer.hasRemaining()).isTrue();
      }
      return new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8);
    }
  }

  /** Binds a socket the plain JDK way and closes it: the file stays behind, stale. */
  static void leaveStaleSocket(Path path) throws IOException {
    try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.bind(UnixDomainSocketAddress.of(path));
    }
  }

  private static Object fileKey(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
