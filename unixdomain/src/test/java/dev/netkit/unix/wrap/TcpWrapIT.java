package dev.netkit.unix.wrap;

import dev.netkit.unix.StreamServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** The wrap contract over TCP on loopback, port 0: the same server core, another transport. */
class TcpWrapIT extends WrapTransportContract {

  @Override
  Running start(WrapHandler handler, StreamServer.Limits limits) throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    StreamServer server = new StreamServer("wrap-tcp", listener, handler, limits).start();
    InetSocketAddress address = (InetSocketAddress) server.localAddress();
    return new Running(() -> SocketChannel.open(address), server::activeConnections,
        server::close);
  }
}
