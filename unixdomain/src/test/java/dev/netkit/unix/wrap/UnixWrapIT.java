package dev.netkit.unix.wrap;

import dev.netkit.unix.StreamServer;
import dev.netkit.unix.UnixSockets;
import dev.netkit.unix.UnixStreamServer;
import java.io.IOException;
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
    return new Running(() -> UnixSockets.connect(server.path()), server::activeConnections,
        server::close);
  }
}
