package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class ChannelUrgentIT extends UrgentSocketContract {

  @Override
  TestPair open(int receiveBufferBytes) throws IOException {
    return TestPair.channels(receiveBufferBytes);
  }

  @Override
  void assertClosed(Call call) {
    assertThatThrownBy(call::run).isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void unconnectedChannelIsRefused() throws IOException {
    try (SocketChannel channel = SocketChannel.open()) {
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      assertThatThrownBy(() -> UrgentSocket.of(channel))
          .isInstanceOf(NotYetConnectedException.class);
    }
  }

  @Test
  void socketAdaptorsOfChannelsWorkThroughTheirChannels() throws Exception {
    try (ChannelUrgentPair pair = ChannelUrgentPair.open()) {
      UrgentSocket.of(pair.client.socket()).sendUrgent((byte) '!');
      UrgentSocket receiver = UrgentSocket.of(pair.server.socket());

      await().atMost(WAIT).until(() -> receiver.readUrgent().isReceived());
      pair.client.close();
      assertThatThrownBy(() -> UrgentSocket.of(pair.client.socket()))
          .isInstanceOf(ClosedChannelException.class);
    }
  }

  @Test
  void channelSwitchedToNonBlockingCannotDiscard() throws Exception {
    try (ChannelUrgentPair pair = ChannelUrgentPair.open()) {
      UrgentSocket urgent = UrgentSocket.of(pair.server);
      pair.server.configureBlocking(false);

      assertThatThrownBy(urgent::discardToMark).isInstanceOf(IllegalBlockingModeException.class);
      assertThatThrownBy(() -> UrgentSocket.of(pair.server))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("channel is in non-blocking mode");
    }
  }

  /** A connected pair whose server channel the test can reconfigure. */
  private static final class ChannelUrgentPair implements AutoCloseable {
    final SocketChannel client;
    final SocketChannel server;

    private ChannelUrgentPair(SocketChannel client, SocketChannel server) {
      this.client = client;
      this.server = server;
    }

    static ChannelUrgentPair open() throws IOException {
      try (java.nio.channels.ServerSocketChannel listener =
          java.nio.channels.ServerSocketChannel.open()) {
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        SocketChannel client = SocketChannel.open(listener.getLocalAddress());
        return new ChannelUrgentPair(client, listener.accept());
      }
    }

    @Override
    public void close() throws IOException {
      try (client; server) {
        // closes both
      }
    }
  }
}
