package dev.netkit.travesty.server;

import dev.netkit.codec.LineEncoder;
import dev.netkit.travesty.protocol.UrgentLineReader;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import dev.netkit.urgent.UrgentSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A hand-driven client connection for protocol tests: raw lines, raw bytes, urgent data. */
final class RawConnection implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(20);

  final Socket socket;
  final UrgentLineReader reader;
  final OutputStream out;

  RawConnection(InetSocketAddress server) throws IOException {
    this(server, 0);
  }

  RawConnection(InetSocketAddress server, int receiveBuffer) throws IOException {
    this(server, receiveBuffer, null);
  }

  /** A connection from a given local address, e.g. 127.0.0.2 to be another peer. */
  RawConnection(InetSocketAddress server, java.net.InetAddress local) throws IOException {
    this(server, 0, local);
  }

  private RawConnection(InetSocketAddress server, int receiveBuffer, java.net.InetAddress local)
      throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    if (local != null) {
      socket.bind(new InetSocketAddress(local, 0));
    }
    socket.connect(server, 10_000);
    reader = new UrgentLineReader(socket, 1 << 20);
    reader.setTimeout(TIMEOUT);
    out = socket.getOutputStream();
  }

  /** Sends one line with CRLF. */
  RawConnection send(String line) throws IOException {
    out.write(LineEncoder.encode(line));
    return this;
  }

  /** Sends bytes as they are. */
  RawConnection sendRaw(String bytes) throws IOException {
    out.write(bytes.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  void sendUrgent() throws IOException {
    UrgentSocket.of(socket).sendUrgent((byte) '!');
  }

  /** The next line; fails on urgent data or the end. */
  String line() throws IOException {
    Input input = reader.nextLine();
    if (input.kind() != Input.Kind.LINE) {
      throw new AssertionError("expected a line, got " + input);
    }
    return input.text();
  }

  /** Sends the {@code i}-th piece of a trickle. */
  interface Trickle {
    void send(int i) throws IOException;
  }

  /**
   * Sends a trickle, one piece about every 50 ms (at most 400), until the server replies or
   * stops taking input; returns that reply line.
   */
  String trickleUntilReply(Trickle trickle) throws IOException {
    reader.setTimeout(Duration.ofMillis(50));
    String reply = null;
    for (int i = 0; i < 400 && reply == null; i++) {
      try {
        trickle.send(i);
      } catch (java.net.SocketException e) {
        break;
      }
      try {
        reply = line();
      } catch (java.net.SocketTimeoutException e) {
        // No reply yet: trickle on.
      }
    }
    reader.setTimeout(TIMEOUT);
    return reply != null ? reply : line();
  }

  /** The lines of a dot-terminated block, without the dot. */
  List<String> block() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line; !(line = line()).equals("."); ) {
      lines.add(line);
    }
    return lines;
  }

  Input next() throws IOException {
    return reader.nextLine();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
