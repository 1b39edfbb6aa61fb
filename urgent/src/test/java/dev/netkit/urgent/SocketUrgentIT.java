package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class SocketUrgentIT extends UrgentSocketContract {

  @Override
  TestPair open(int receiveBufferBytes) throws IOException {
    return TestPair.sockets(receiveBufferBytes);
  }

  @Override
  void assertClosed(Call call) {
    assertThatThrownBy(call::run).isInstanceOf(SocketException.class)
        .hasMessage("Socket is closed");
  }

  @Test
  void closedSocketIsRefused() throws IOException {
    Socket socket = new Socket();
    socket.close();

    assertThatThrownBy(() -> UrgentSocket.of(socket)).isInstanceOf(SocketException.class)
        .hasMessage("Socket is closed");
  }

  @Test
  void unconnectedSocketIsRefused() throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(null);

      assertThatThrownBy(() -> UrgentSocket.of(socket)).isInstanceOf(SocketException.class)
          .hasMessage("Socket is not connected");
    }
  }

  @Test
  void discardToMarkHonoursTheReadTimeout() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        Socket server = listener.accept()) {
      server.setSoTimeout(50);

      assertThatThrownBy(() -> UrgentSocket.of(server).discardToMark())
          .isInstanceOf(SocketTimeoutException.class).hasMessage("Read timed out");
    }
  }
}
