package dev.netkit.jni.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Connected TCP pairs on loopback, port 0, closed after the test body: the fixtures of every
 * socket test that uses the native library.
 */
public final class Loopback {

  /** A test body that gets both ends of a connection. */
  @FunctionalInterface
  public interface Body<T> {
    /**
     * Runs the test.
     *
     * @param client the connecting end
     * @param server the accepted end
     * @throws Exception any failure
     */
    void run(T client, T server) throws Exception;
  }

  private Loopback() {
  }

  /**
   * Runs {@code body} with a connected pair of {@link Socket}s.
   *
   * @param body the test
   * @throws Exception what the body throws
   */
  public static void withSockets(Body<Socket> body) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        Socket server = listener.accept()) {
      body.run(client, server);
    }
  }

  /**
   * Runs {@code body} with a connected pair of blocking {@link SocketChannel}s.
   *
   * @param body the test
   * @throws Exception what the body throws
   */
  public static void withChannels(Body<SocketChannel> body) throws Exception {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      try (SocketChannel client = SocketChannel.open(listener.getLocalAddress());
          SocketChannel server = listener.accept()) {
        body.run(client, server);
      }
    }
  }

  /**
   * Opens a connected pair of sockets that the caller closes.
   *
   * @return client and server end
   * @throws IOException when loopback fails
   */
  public static Socket[] openSockets() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      return new Socket[] {client, listener.accept()};
    }
  }
}
