package dev.netkit.unix.localtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.unix.FileModes;
import dev.netkit.unix.PeerCredentials;
import dev.netkit.unix.SocketFileConfig;
import dev.netkit.unix.UnixDatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 11: a client names its reply path, then makes that path lead to someone
 * else's socket. The server answers only a path that is itself a socket owned by the uid that
 * sent the request. Each case then proves that the server has dealt with the request (an honest
 * client asks next, and one thread serves requests in order) before it looks at the victim.
 */
@RequiresNativeLibrary
class LocaltimeReplyPathIT {

  private static final int NOBODY = 65534;
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private LocaltimeServer server;
  private UnixDatagramSocket victim;

  @BeforeEach
  void start() throws Exception {
    server = new LocaltimeServer(LocaltimeServerConfig.builder()
        .socketFile(SocketFileConfig.defaults(dir.resolve("localtime"))).build()).start();
    victim = UnixDatagramSocket.open().bind(dir.resolve("victim"), FileModes.toPermissions(0600))
        .receiveTimeout(Duration.ofMillis(100));
  }

  @AfterEach
  void stop() {
    victim.close();
    server.close();
  }

  @Test
  void aReplyPathSwappedForASymbolicLinkToAnotherSocketIsNotAnswered() throws Exception {
    Path reply = dir.resolve("reply");
    try (UnixDatagramSocket attacker = UnixDatagramSocket.open().bind(reply)) {
      // The socket keeps the address it was bound to; the path now leads to the victim.
      Files.move(reply, dir.resolve("reply-moved"));
      Files.createSymbolicLink(reply, dir.resolve("victim"));

      attacker.send("UTC".getBytes(StandardCharsets.US_ASCII), server.path());
      assertAnHonestClientIsAnswered();

      assertThatThrownBy(victim::receive).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aReplyPathOwnedByAnotherUserIsNotAnswered() throws Exception {
    assumeTrue(PeerCredentials.currentUid() == 0, "needs root to give a socket file to nobody");
    Path reply = dir.resolve("reply");
    try (UnixDatagramSocket requester = UnixDatagramSocket.open().bind(reply)
        .receiveTimeout(Duration.ofMillis(100))) {
      Files.setAttribute(reply, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);

      requester.send("UTC".getBytes(StandardCharsets.US_ASCII), server.path());
      assertAnHonestClientIsAnswered();

      assertThatThrownBy(requester::receive).isInstanceOf(SocketTimeoutException.class);
    }
  }

  private void assertAnHonestClientIsAnswered() throws Exception {
    String answer = new LocaltimeClient(server.path(), PATIENCE, dir,
        FileModes.toPermissions(0600)).ask("UTC");
    assertThat(answer).isNotBlank();
  }
}
