package dev.netkit.unix.wrap;

import dev.netkit.server.StreamServerConfig;
import dev.netkit.unix.UnixSockets;
import dev.netkit.unix.UnixStreamServer;
import dev.netkit.unix.UnixStreamServerConfig;
import java.io.IOException;
import java.nio.file.Path;
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
}
