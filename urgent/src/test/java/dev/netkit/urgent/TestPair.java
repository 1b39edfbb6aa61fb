package dev.netkit.urgent;

import dev.netkit.jni.internal.SocketDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Both ends of a loopback TCP connection as the tests need them, over {@link Socket}s or
 * {@link SocketChannel}s, so one contract runs on both transports.
 */
abstract class TestPair implements AutoCloseable {

  /** Opens a pair of sockets. */
  static TestPair sockets(int receiveBufferBytes) throws IOException {
    try (ServerSocket listener = new ServerSocket()) {
      if (receiveBufferBytes > 0) {
        listener.setReceiveBufferSize(receiveBufferBytes);
      }
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      return new SocketPair(client, listener.accept());
    }
  }

  /** Opens a pair of blocking channels. */
  static TestPair channels(int receiveBufferBytes) throws IOException {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      if (receiveBufferBytes > 0) {
        listener.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
      }
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      SocketChannel client = SocketChannel.open(listener.getLocalAddress());
      return new ChannelPair(client, listener.accept());
    }
  }

  private UrgentSocket sender;
  private UrgentSocket receiver;

  UrgentSocket sender() throws IOException {
    if (sender == null) {
      sender = wrapSender();
    }
    return sender;
  }

  UrgentSocket receiver() throws IOException {
    if (receiver == null) {
      receiver = wrapReceiver();
    }
    return receiver;
  }

  void send(String ascii) throws IOException {
    send(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads normal data once; the result as ASCII, or null at the end of the stream. */
  String readOnce() throws IOException {
    byte[] buffer = new byte[1024];
    int n = read(buffer);
    return n < 0 ? null : new String(buffer, 0, n, StandardCharsets.US_ASCII);
  }

  /** Reads normal data to the end of the stream. */
  byte[] readAll() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = read(buffer)) >= 0; ) {
      all.write(buffer, 0, n);
    }
    return all.toByteArray();
  }

  abstract UrgentSocket wrapSender() throws IOException;

  abstract UrgentSocket wrapReceiver() throws IOException;

  abstract void send(byte[] data) throws IOException;

  abstract int read(byte[] buffer) throws IOException;

  abstract void finishSending() throws IOException;

  abstract int receiverFd() throws IOException;

  abstract void closeReceiver() throws IOException;

  abstract void closeSender() throws IOException;

  /** Closes the sender's end with a reset (RST) instead of a FIN: {@code SO_LINGER} 0. */
  abstract void resetSender() throws IOException;

  abstract void receiverShutdownOutput() throws IOException;

  /** Writes normal data from the receiver's end to the sender. */
  abstract void writeAtReceiver(byte[] data) throws IOException;

  /** Reads normal data at the sender's end: -1 once the receiver closed. */
  abstract int readAtSender(byte[] buffer) throws IOException;

  private static final class SocketPair extends TestPair {
    private final Socket client;
    private final Socket server;

    SocketPair(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    @Override
    UrgentSocket wrapSender() throws IOException {
      return UrgentSocket.of(client);
    }

    @Override
    UrgentSocket wrapReceiver() throws IOException {
      return UrgentSocket.of(server);
    }

    @Override
    void send(byte[] data) throws IOException {
      client.getOutputStream().write(data);
    }

    @Override
    int read(byte[] buffer) throws IOException {
      return server.getInputStream().read(buffer);
    }

    @Override
    int readAtSender(byte[] buffer) throws IOException {
      return client.getInputStream().read(buffer);
    }

    @Override
    void writeAtReceiver(byte[] data) throws IOException {
      server.getOutputStream().write(data);
    }

    @Override
    void finishSending() throws IOException {
      client.shutdownOutput();
    }

    @Override
    int receiverFd() throws IOException {
      return SocketDescriptors.of(server);
    }

    @Override
    void closeReceiver() throws IOException {
      server.close();
    }

    @Override
    void closeSender() throws IOException {
      client.close();
    }

    @Override
    void resetSender() throws IOException {
      client.setSoLinger(true, 0);
      client.close();
    }

    @Override
    void receiverShutdownOutput() throws IOException {
      server.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
      try (client; server) {
        // closes both
      }
    }
  }

  private static final class ChannelPair extends TestPair {
    private final SocketChannel client;
    private final SocketChannel server;

    ChannelPair(SocketChannel client, SocketChannel server) {
      this.client = client;
      this.server = server;
    }

    @Override
    UrgentSocket wrapSender() throws IOException {
      return UrgentSocket.of(client);
    }

    @Override
    UrgentSocket wrapReceiver() throws IOException {
      return UrgentSocket.of(server);
    }

    @Override
    void send(byte[] data) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        client.write(buffer);
      }
    }

    @Override
    int read(byte[] buffer) throws IOException {
      return server.read(ByteBuffer.wrap(buffer));
    }

    @Override
    int readAtSender(byte[] buffer) throws IOException {
      return client.read(ByteBuffer.wrap(buffer));
    }

    @Override
    void writeAtReceiver(byte[] data) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        server.write(buffer);
      }
    }

    @Override
    void finishSending() throws IOException {
      client.shutdownOutput();
    }

    @Override
    int receiverFd() throws IOException {
      return SocketDescriptors.of(server);
    }

    @Override
    void closeReceiver() throws IOException {
      server.close();
    }

    @Override
    void closeSender() throws IOException {
      client.close();
    }

    @Override
    void resetSender() throws IOException {
      client.setOption(StandardSocketOptions.SO_LINGER, 0);
      client.close();
    }

    @Override
    void receiverShutdownOutput() throws IOException {
      server.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
      try (client; server) {
        // closes both
      }
    }
  }
}
