package dev.netkit.urgent;

import dev.netkit.jni.internal.SocketDescriptors;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;

/** A connected {@link Socket}; reads go through its input stream. */
final class SocketEndpoint implements Endpoint {

  private final Socket socket;
  private final int fd;

  SocketEndpoint(Socket socket) throws IOException {
    if (socket.isClosed()) {
      throw new SocketException("Socket is closed");
    }
    if (!socket.isConnected()) {
      throw new SocketException("Socket is not connected");
    }
    this.socket = socket;
    this.fd = SocketDescriptors.of(socket);
  }

  @Override
  public int descriptor() {
    return fd;
  }

  @Override
  public boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void ensureOpen() throws IOException {
    if (socket.isClosed()) {
      throw new SocketException("Socket is closed");
    }
  }

  @Override
  public void ensureBlocking() {
    // A Socket without a channel always blocks (a timeout is handled by its reads).
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return socket.getInputStream().read(buffer, offset, length);
  }

  @Override
  public int readTimeoutMillis() throws IOException {
    return socket.getSoTimeout();
  }

  @Override
  public int localPort() {
    return socket.getLocalPort();
  }

  @Override
  public String toString() {
    return socket.toString();
  }
}
