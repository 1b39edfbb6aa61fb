package dev.netkit.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain UDP socket on 127.0.0.1 for tests: a client that talks to a server, or a "server" that
 * stays silent (never answers) or answers by hand. Receives wait at most the given time.
 */
final class Peer implements AutoCloseable {

  static final InetSocketAddress ANY_LOOPBACK =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final DatagramSocket socket;
  private SocketAddress lastSender;

  Peer() throws IOException {
    this(ANY_LOOPBACK);
  }

  /** A peer on another local address, e.g. 127.0.0.2 to be another host. */
  Peer(InetSocketAddress local) throws IOException {
    socket = new DatagramSocket(local);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  SocketAddress lastSender() {
    return lastSender;
  }

  void send(byte[] bytes, SocketAddress to) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, to));
  }

  void send(String text, SocketAddress to) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8), to);
  }

  /** The next datagram's bytes, or null if none comes within {@code millis}. */
  byte[] receiveBytes(int millis) throws IOException {
    socket.setSoTimeout(millis);
    DatagramPacket packet = new DatagramPacket(new byte[70_000], 70_000);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    lastSender = packet.getSocketAddress();
    return java.util.Arrays.copyOf(packet.getData(), packet.getLength());
  }

  /** The next datagram as UTF-8 text, or null if none comes within {@code millis}. */
  String receive(int millis) throws IOException {
    byte[] bytes = receiveBytes(millis);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** Sends a request and returns the first reply, or null after 5 s. */
  String exchange(String text, SocketAddress to) throws IOException {
    send(text, to);
    return receive(5_000);
  }

  /** Every datagram that is already waiting (each wait: 50 ms). */
  List<String> drain() throws IOException {
    List<String> all = new ArrayList<>();
    for (String next = receive(50); next != null; next = receive(50)) {
      all.add(next);
    }
    return all;
  }

  @Override
  public void close() {
    socket.close();
  }
}
