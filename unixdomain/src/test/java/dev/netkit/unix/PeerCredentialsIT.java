package dev.netkit.unix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.server.ConnectionHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Peer credentials of stream peers and the authorizer that servers apply before serving. */
class PeerCredentialsIT {

  @TempDir
  Path dir;

  @Test
  @RequiresNativeLibrary
  void theServerSeesTheClientsPidUidAndGid() throws Exception {
    CompletableFuture<PeerCredentials> seen = new CompletableFuture<>();
    CompletableFuture<PeerCredentials> seenByJdk = new CompletableFuture<>();
    try (UnixStreamServer server = new UnixStreamServer(
        UnixStreamServerConfig.defaults(dir.resolve("sock")), connection -> {
          seen.complete(PeerCredentials.of(connection.channel()));
          seenByJdk.complete(PeerCredentials.ofJdkOption(connection.channel()));
        }).start(); SocketChannel client = UnixSockets.connect(server.path())) {
      PeerCredentials expected = new PeerCredentials(ProcessHandle.current().pid(),
          PeerCredentials.currentUid(), gid());

      assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
      assertThat(seenByJdk.get(30, TimeUnit.SECONDS)).isEqualTo(
          new PeerCredentials(PeerCredentials.UNKNOWN_PID, expected.uid(), expected.gid()));
      assertThat(client.isConnected()).isTrue();
    }
  }

  /** What a refused peer reads before the end of the stream: the reason, one line. */
  private static final String REFUSED;

  static {
    try {
      REFUSED = "unix-stream-server: refused: uid " + PeerCredentials.currentUid()
          + " may not use this server\n";
    } catch (java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Test
  void aPeerTheAuthorizerRefusesIsDisconnectedBeforeItsHandlerRuns() throws Exception {
    AtomicInteger served = new AtomicInteger();
    int otherUid = PeerCredentials.currentUid() + 1;
    try (UnixStreamServer server = start(PeerAuthorizer.allowUids(otherUid), served)) {

      assertThat(answer(server.path())).isEqualTo(REFUSED);
      assertThat(served).hasValue(0);
    }
  }

  @Test
  void aBuilderChangedAfterBuildCannotChangeWhoARunningServerLetsIn() throws Exception {
    AtomicInteger served = new AtomicInteger();
    int otherUid = PeerCredentials.currentUid() + 1;
    SocketFileConfig.Builder socketFile = SocketFileConfig.builder(dir.resolve("sock"))
        .authorizer(PeerAuthorizer.allowUids(otherUid));
    UnixStreamServerConfig.Builder config = UnixStreamServerConfig.builder(dir.resolve("sock"))
        .socketFile(socketFile.build());
    try (UnixStreamServer server = new UnixStreamServer(config.build(), serve(served)).start()) {
      socketFile.authorizer(PeerAuthorizer.allowAll());
      config.socketFile(socketFile.build());

      assertThat(answer(server.path())).isEqualTo(REFUSED);
      assertThat(served).hasValue(0);
      assertThat(server.config().socketFile().authorizer().authorize(
          new PeerCredentials(1, otherUid + 1, 1))).isFalse();
    }
  }

  @Test
  void aPeerTheAuthorizerAllowsIsServed() throws Exception {
    AtomicInteger served = new AtomicInteger();
    try (UnixStreamServer server = start(PeerAuthorizer.sameUser(), served)) {

      assertThat(answer(server.path())).isEqualTo("served");
      assertThat(served).hasValue(1);
    }
  }

  @Test
  void allowListsAndAllowAllDecideByUid() {
    PeerCredentials peer = new PeerCredentials(42, 1000, 100);

    assertThat(PeerAuthorizer.allowUids(0, 1000).authorize(peer)).isTrue();
    assertThat(PeerAuthorizer.allowUids(0).authorize(peer)).isFalse();
    assertThat(PeerAuthorizer.allowUids().authorize(peer)).isFalse();
    assertThat(PeerAuthorizer.allowAll().authorize(peer)).isTrue();
    assertThat(peer).hasToString("pid=42 uid=1000 gid=100");
    assertThat(new PeerCredentials(PeerCredentials.UNKNOWN_PID, 1, 2))
        .hasToString("pid=? uid=1 gid=2");
  }

  private UnixStreamServer start(PeerAuthorizer authorizer, AtomicInteger served)
      throws IOException {
    Path path = dir.resolve("sock");
    return new UnixStreamServer(UnixStreamServerConfig.builder(path)
        .socketFile(SocketFileConfig.builder(path).authorizer(authorizer).build())
        .build(), serve(served)).start();
  }

  private static ConnectionHandler serve(AtomicInteger served) {
    return connection -> {
      served.incrementAndGet();
      connection.io().write(ByteBuffer.wrap("served".getBytes(UTF_8)));
    };
  }

  private static String answer(Path path) throws Exception {
    try (SocketChannel client = UnixSockets.connect(path)) {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      while (client.read(buffer) >= 0) {
        assertThat(buffer.hasRemaining()).isTrue();
      }
      return new String(buffer.array(), 0, buffer.position(), UTF_8);
    }
  }

  private static int gid() throws Exception {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
  }
}
