package dev.netkit.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The stream server contract over TCP on loopback, port 0. */
class TcpStreamServerIT extends StreamServerContract {

  @Override
  SocketAddress bindAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
