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
final class TestPair implements AutoCloseable {

  /** Opens a pair of sockets. */
  static TestPair sockets(int receiveBufferBytes) throws IOException {
    try (ServerSocket listener = new ServerSocket()) {
      if (receiveBufferBytes > 0) {
        listener.setReceiveBufferSize(receiveBufferBytes);
      }
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      return new TestPair(new SocketEnd(client), new SocketEnd(listener.accept()));
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
      return new TestPair(new ChannelEnd(client), new ChannelEnd(listener.accept()));
    }
  }

  /** The two transports every contract runs on, for {@code @EnumSource(Transport.class)}. */
  enum Transport {
    /** {@link Socket}s. */
    SOCKETS,
    /** Blocking {@link SocketChannel}s. */
    CHANNELS;

    /** Opens a pair over this transport; a receive buffer of 0 keeps the system default. */
    TestPair open(int receiveBufferBytes) throws IOException {
      return this == SOCKETS ? sockets(receiveBufferBytes) : channels(receiveBufferBytes);
    }
  }

  private final End client;
  private final End server;
  private UrgentSocket sender;
  private UrgentSocket receiver;

  private TestPair(End client, End server) {
    this.client = client;
    this.server = server;
  }

  UrgentSocket sender() throws IOException {
    if (sender == null) {
      sender = client.wrap();
    }
    return sender;
  }

  UrgentSocket receiver() throws IOException {
    if (receiver == null) {
      receiver = server.wrap();
    }
    return receiver;
  }

  /** A new wrapper of the receiver's socket, not the one {@link #receiver()} keeps. */
  UrgentSocket wrapReceiver() throws IOException {
    return server.wrap();
  }

  void send(String ascii) throws IOException {
    send(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  /** Writes normal data from the sender to the receiver. */
  void send(byte[] data) throws IOException {
    client.write(data);
  }

  /** Reads normal data at the receiver's end: -1 at the end of the stream. */
  int read(byte[] buffer) throws IOException {
    return server.read(buffer);
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

  /** Half-closes the sender's end: the receiver reads the end of the stream. */
  void finishSending() throws IOException {
    client.shutdownOutput();
  }

  int receiverFd() throws IOException {
    return server.fd();
  }

  void closeReceiver() throws IOException {
    server.close();
  }

  void closeSender() throws IOException {
    client.close();
  }

  /** Closes the sender's end with a reset (RST) instead of a FIN: {@code SO_LINGER} 0. */
  void resetSender() throws IOException {
    client.reset();
  }

  void receiverShutdownOutput() throws IOException {
    server.shutdownOutput();
  }

  /** Writes normal data from the receiver's end to the sender. */
  void writeAtReceiver(byte[] data) throws IOException {
    server.write(data);
  }

  /** Reads normal data at the sender's end: -1 once the receiver closed. */
  int readAtSender(byte[] buffer) throws IOException {
    return client.read(buffer);
  }

  @Override
  public void close() throws IOException {
    try (client; server) {
      // closes both
    }
  }

  /** One end of the connection, over a {@link Socket} or a {@link SocketChannel}. */
  private interface End extends AutoCloseable {
    UrgentSocket wrap() throws IOException;

    void write(byte[] data) throws IOException;

    int read(byte[] buffer) throws IOException;

    void shutdownOutput() throws IOException;

    int fd() throws IOException;

    /** Closes with a reset (RST): {@code SO_LINGER} 0. */
    void reset() throws IOException;

    @Override
    void close() throws IOException;
  }

  private record SocketEnd(Socket socket) implements End {
    @Override
    public UrgentSocket wrap() throws IOException {
      return UrgentSocket.of(socket);
    }

    @Override
    public void write(byte[] data) throws IOException {
      socket.getOutputStream().write(data);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
      return socket.getInputStream().read(buffer);
    }

    @Override
    public void shutdownOutput() throws IOException {
      socket.shutdownOutput();
    }

    @Override
    public int fd() throws IOException {
      return SocketDescriptors.of(socket);
    }

    @Override
    public void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private record ChannelEnd(SocketChannel channel) implements End {
    @Override
    public UrgentSocket wrap() throws IOException {
      return UrgentSocket.of(channel);
    }

    @Override
    public void write(byte[] data) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    @Override
    public int read(byte[] buffer) throws IOException {
      return channel.read(ByteBuffer.wrap(buffer));
    }

    @Override
    public void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }

    @Override
    public int fd() throws IOException {
      return SocketDescriptors.of(channel);
    }

    @Override
    public void reset() throws IOException {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
      channel.close();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
