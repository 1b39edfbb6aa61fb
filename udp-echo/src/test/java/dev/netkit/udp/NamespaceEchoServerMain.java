package dev.netkit.udp;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Child-JVM program for {@link KernelLossIT}: a reverse-echo server on {@code ADDR PORT}; prints
 * {@code READY} and serves until killed (when the test's namespace closes) or stdin ends.
 */
public final class NamespaceEchoServerMain {

  private NamespaceEchoServerMain() {
  }

  public static void main(String[] args) throws Exception {
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
    try (ReverseEchoServer server = new ReverseEchoServer(address).start()) {
      System.out.println("READY " + server.localAddress());
      while (System.in.read() >= 0) {
        // Serve until stdin ends.
      }
    }
  }
}
