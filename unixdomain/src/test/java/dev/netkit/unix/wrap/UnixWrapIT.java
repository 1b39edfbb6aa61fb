package dev.netkit.unix.wrap;

import dev.netkit.unix.StreamServer;
import dev.netkit.unix.UnixSockets;
import dev.netkit.unix.UnixStreamServer;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The wrap contract over UNIX-domain stream sockets. */
class UnixWrapIT extends WrapTransportContract {

  @TempDir
  Path dir;

  @Override
  Running start(WrapHandler handler, StreamServer.Limits limits) throws IOException {
    UnixStreamServer server = UnixStreamServer.builder(dir.resolve("wrapserv"), handler)
        .limits(limits).build().start();
    return new Running() {
      @Override
      public SocketChannel connect() throws IOException {
        return UnixSockets.connect(server.path());
      }

      @Override
      public int activeConnections() {
        return server.activeConnections();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
