package dev.netkit.urgent;

import dev.netkit.jni.internal.SocketDescriptors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;

/** A connected, blocking {@link SocketChannel}; reads go through the channel. */
final class ChannelEndpoint implements Endpoint {

  private final SocketChannel channel;
  private final int fd;

  ChannelEndpoint(SocketChannel channel) throws IOException {
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    if (!channel.isConnected()) {
      throw new NotYetConnectedException();
    }
    this.channel = channel;
    this.fd = SocketDescriptors.of(channel);
  }

  @Override
  public int descriptor() {
    return fd;
  }

  @Override
  public boolean isClosed() {
    return !channel.isOpen();
  }

  @Override
  public void ensureOpen() throws IOException {
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
  }

  @Override
  public void ensureBlocking() {
    if (!channel.isBlocking()) {
      throw new IllegalBlockingModeException();
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return channel.read(ByteBuffer.wrap(buffer, offset, length));
  }

  @Override
  public int readTimeoutMillis() {
    return 0;
  }

  @Override
  public int localPort() {
    return channel.socket().getLocalPort();
  }

  @Override
  public String toString() {
    return channel.toString();
  }
}
