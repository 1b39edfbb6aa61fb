package dev.netkit.unix.wrap;

import dev.netkit.server.Binder;
import dev.netkit.server.StreamServer;
import dev.netkit.server.StreamServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/** The wrap contract over TCP on loopback, port 0: the same server core, another transport. */
class TcpWrapIT extends WrapTransportContract {

  @Override
  Running start(WrapHandler handler, StreamServerConfig connections) throws IOException {
    StreamServer server = new StreamServer(connections,
        Binder.to(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50), handler)
        .start();
    InetSocketAddress address = (InetSocketAddress) server.localAddress();
    return new Running(() -> SocketChannel.open(address), () -> server.stats().active(),
        server::close);
  }
}
