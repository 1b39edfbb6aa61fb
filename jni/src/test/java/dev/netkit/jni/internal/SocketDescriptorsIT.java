package dev.netkit.jni.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.BadDescriptorSocketException;
import dev.netkit.jni.testing.Loopback;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The private-field lookup on the running JDK (the build runs it on Java 17 and 25). */
@RequiresNativeLibrary
class SocketDescriptorsIT {

  /** Proves that two descriptors are the two ends of one connection: urgent data gets across. */
  private static void assertConnected(int sender, int receiver) throws IOException {
    assertThat(UrgentSyscalls.sendUrgent(sender, (byte) '!')).isTrue();
    await().atMost(Duration.ofSeconds(5))
        .until(() -> (Poll.poll(receiver, Poll.PRI, 0) & Poll.PRI) != 0);
    assertThat(UrgentSyscalls.receiveUrgent(receiver)).isEqualTo('!');
  }

  private static String fdTarget(int fd) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
  }

  @Test
  void connectedAndAcceptedSocketsHaveTheirDescriptors() throws Exception {
    Loopback.withSockets((client, server) -> {
      int clientFd = SocketDescriptors.of(client);
      int serverFd = SocketDescriptors.of(server);

      assertThat(clientFd).isNotEqualTo(serverFd);
      assertThat(fdTarget(clientFd)).startsWith("socket:[");
      assertConnected(clientFd, serverFd);
      assertConnected(serverFd, clientFd);
    });
  }

  @Test
  void channelsAndTheirSocketAdaptorsHaveTheirDescriptors() throws Exception {
    Loopback.withChannels((client, server) -> {
      int clientFd = SocketDescriptors.of(client);

      assertThat(SocketDescriptors.of(client.socket())).isEqualTo(clientFd);
      assertConnected(clientFd, SocketDescriptors.of(server));
    });
  }

  @Test
  void listeningSocketsHaveDescriptors() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocketChannel channel = ServerSocketChannel.open()) {
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      assertThat(fdTarget(SocketDescriptors.of(socket))).startsWith("socket:[");
      assertThat(fdTarget(SocketDescriptors.of(channel))).startsWith("socket:[");
      assertThat(SocketDescriptors.of(channel.socket())).isEqualTo(SocketDescriptors.of(channel));
    }
  }

  @Test
  void closedSocketsAndChannelsAreRefused() throws Exception {
    Socket[] pair = Loopback.openSockets();
    pair[0].close();
    pair[1].close();
    assertThatThrownBy(() -> SocketDescriptors.of(pair[0]))
        .isInstanceOf(SocketException.class).hasMessage("Socket is closed");
    assertThatThrownBy(() -> SocketDescriptors.of(pair[1]))
        .isInstanceOf(SocketException.class).hasMessage("Socket is closed");

    SocketChannel channel = SocketChannel.open();
    channel.close();
    assertThatThrownBy(() -> SocketDescriptors.of(channel))
        .isInstanceOf(ClosedChannelException.class);
    ServerSocket server = new ServerSocket();
    server.close();
    assertThatThrownBy(() -> SocketDescriptors.of(server)).hasMessage("Socket is closed");
  }

  @Test
  void unconnectedSocketHasNoDescriptorYet() throws IOException {
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> SocketDescriptors.of(socket))
          .isInstanceOf(SocketException.class)
          .hasMessage("Socket has no descriptor yet: it is neither bound nor connected");
    }
  }

  @Test
  void socketWithForeignImplementationIsRefused() throws IOException {
    try (Socket socket = new ForeignSocket()) {
      assertThatThrownBy(() -> SocketDescriptors.of(socket))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a socket of the JDK's own implementation")
          .hasMessageContaining(ForeignSocket.class.getName());
    }
  }

  @Test
  void channelOfAnotherProviderIsRefused() throws IOException {
    try (SocketChannel channel = new ForeignChannel()) {
      assertThatThrownBy(() -> SocketDescriptors.of(channel))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(ForeignChannel.class.getName());
    }
  }

  @Test
  void duplicateKeepsTheSocketAfterTheOriginalIsClosed() throws Exception {
    Socket[] pair = Loopback.openSockets();
    int duplicate = SocketDescriptors.duplicate(SocketDescriptors.of(pair[1]));
    try (Socket client = pair[0]) {
      pair[1].close();
      assertConnected(SocketDescriptors.of(client), duplicate);
    } finally {
      SocketDescriptors.close(duplicate);
    }
    assertThatThrownBy(() -> SocketDescriptors.close(duplicate))
        .isInstanceOf(BadDescriptorSocketException.class)
        .hasMessage("close failed: Bad file descriptor (EBADF)");
  }

  /** A socket whose SocketImpl is not the JDK's: the lookup must not read its fields. */
  private static final class ForeignSocket extends Socket {
    ForeignSocket() throws SocketException {
      super(new ForeignImpl());
    }
  }

  private static final class ForeignImpl extends SocketImpl {
    @Override
    protected void create(boolean stream) {
    }

    @Override
    protected void connect(String host, int port) {
    }

    @Override
    protected void connect(InetAddress address, int port) {
    }

    @Override
    protected void connect(SocketAddress address, int timeout) {
    }

    @Override
    protected void bind(InetAddress host, int port) {
    }

    @Override
    protected void listen(int backlog) {
    }

    @Override
    protected void accept(SocketImpl s) {
    }

    @Override
    protected InputStream getInputStream() {
      return InputStream.nullInputStream();
    }

    @Override
    protected OutputStream getOutputStream() {
      return OutputStream.nullOutputStream();
    }

    @Override
    protected int available() {
      return 0;
    }

    @Override
    protected void close() {
    }

    @Override
    protected void sendUrgentData(int data) {
    }

    @Override
    public void setOption(int optID, Object value) {
    }

    @Override
    public Object getOption(int optID) {
      return null;
    }
  }

  /** A channel of a provider other than the JDK's. */
  private static final class ForeignChannel extends SocketChannel {
    ForeignChannel() {
      super(SelectorProvider.provider());
    }

    @Override
    public SocketChannel bind(SocketAddress local) {
      return this;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) {
      return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) {
      return null;
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
      return Set.of();
    }

    @Override
    public SocketChannel shutdownInput() {
      return this;
    }

    @Override
    public SocketChannel shutdownOutput() {
      return this;
    }

    @Override
    public Socket socket() {
      return null;
    }

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public boolean isConnectionPending() {
      return false;
    }

    @Override
    public boolean connect(SocketAddress remote) {
      return true;
    }

    @Override
    public boolean finishConnect() {
      return true;
    }

    @Override
    public SocketAddress getRemoteAddress() {
      return null;
    }

    @Override
    public int read(ByteBuffer dst) {
      return -1;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
      return -1;
    }

    @Override
    public int write(ByteBuffer src) {
      return 0;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      return 0;
    }

    @Override
    public SocketAddress getLocalAddress() {
      return null;
    }

    @Override
    protected void implCloseSelectableChannel() {
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
    }
  }
}
