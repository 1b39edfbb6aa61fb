package dev.netkit.unix.wrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.server.StreamServerConfig;
import dev.netkit.unix.PeerAuthorizer;
import dev.netkit.unix.PeerCredentials;
import dev.netkit.unix.SocketFileConfig;
import dev.netkit.unix.UnixSockets;
import dev.netkit.unix.UnixStreamServer;
import dev.netkit.unix.UnixStreamServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrap contract over UNIX-domain stream sockets. */
class UnixWrapIT extends WrapTransportContract {

  @TempDir
  Path dir;

  @Override
  Running start(WrapHandler handler, StreamServerConfig connections) throws IOException {
    UnixStreamServer server = new UnixStreamServer(UnixStreamServerConfig
        .builder(dir.resolve("wrapserv")).connections(connections).build(), handler).start();
    return new Running(() -> UnixSockets.connect(server.path()), () -> server.stats().active(),
        server::close);
  }

  /** Issue 15: a refused peer is told why, and can read it (before: nothing, then a reset). */
  @Test
  void aRefusedPeerReadsWhy() throws Exception {
    int other = PeerCredentials.currentUid() + 1;
    try (UnixStreamServer server = new UnixStreamServer(UnixStreamServerConfig
        .builder(dir.resolve("refusing")).socketFile(SocketFileConfig.builder(
            dir.resolve("refusing")).authorizer(PeerAuthorizer.allowUids(other)).build())
        .build(), new WrapHandler(30, 64)).start();
        SocketChannel channel = UnixSockets.connect(server.path())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WrapClient.exchange(channel, new ByteArrayInputStream(
          "some text\n".repeat(10_000).getBytes(StandardCharsets.UTF_8)), out);

      assertThat(out.toString(StandardCharsets.UTF_8)).endsWith(": refused: uid "
          + PeerCredentials.currentUid() + " may not use this server\n");
    }
  }
}
