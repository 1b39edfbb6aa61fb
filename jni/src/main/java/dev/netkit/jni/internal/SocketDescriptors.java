package dev.netkit.jni.internal;

import dev.netkit.jni.BadDescriptorSocketException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * The file descriptors behind the JDK's sockets and channels, and duplicating and closing
 * descriptors.
 *
 * <p>The JDK does not publish these descriptors; the lookup reads the JDK's private fields through
 * JNI (in one C function, {@code descriptor.c}), which works on the JDK's own socket
 * implementation (Java 17 to 25 are tested). It never touches the descriptor itself, so a closed,
 * unconnected or foreign object gets an exception, never a crash.
 *
 * <p><b>Caveat:</b> a descriptor number is only valid while its socket is open. If another thread
 * closes the socket, the number can be reused at once by a new file or socket; a system call with
 * the old number then acts on that. Do not close a socket while natives may still use its
 * descriptor, or work on a {@link #duplicate(int) duplicate}, which keeps the socket itself
 * alive until the duplicate is closed.
 */
public final class SocketDescriptors {

  private SocketDescriptors() {
  }

  /**
   * Returns the descriptor of a socket. A socket made by {@link SocketChannel#socket()} is looked
   * up through its channel.
   *
   * @param socket an open socket that is bound or connected
   * @return its file descriptor
   * @throws SocketException {@code Socket is closed}, or when it has no descriptor yet (neither
   *     bound nor connected)
   * @throws ClosedChannelException when it belongs to a closed channel
   * @throws IllegalArgumentException when it does not use the JDK's own implementation (a custom
   *     {@code SocketImpl} or {@code SocketImplFactory})
   * @throws UnsupportedOperationException when this JDK lacks the private fields the lookup reads
   * @throws IOException never otherwise
   */
  public static int of(Socket socket) throws IOException {
    Objects.requireNonNull(socket, "socket");
    return ofSocket(socket, socket.getChannel(), socket::isClosed);
  }

  /**
   * Returns the descriptor of a listening socket.
   *
   * @param socket an open server socket
   * @return its file descriptor
   * @throws SocketException {@code Socket is closed}, or when it has no descriptor yet
   * @throws IllegalArgumentException when it does not use the JDK's own implementation
   * @throws UnsupportedOperationException when this JDK lacks the private fields the lookup reads
   * @throws IOException never otherwise
   */
  public static int of(ServerSocket socket) throws IOException {
    Objects.requireNonNull(socket, "socket");
    return ofSocket(socket, socket.getChannel(), socket::isClosed);
  }

  /**
   * Returns the descriptor of a socket channel.
   *
   * @param channel an open channel of the JDK's default provider
   * @return its file descriptor
   * @throws ClosedChannelException when the channel is closed
   * @throws IllegalArgumentException when the channel comes from another
   *     {@link java.nio.channels.spi.SelectorProvider}
   * @throws UnsupportedOperationException when this JDK lacks the private fields the lookup reads
   * @throws IOException never otherwise
   */
  public static int of(SocketChannel channel) throws IOException {
    return ofChannel(Objects.requireNonNull(channel, "channel"));
  }

  /**
   * Returns the descriptor of a server socket channel.
   *
   * @param channel an open channel of the JDK's default provider
   * @return its file descriptor
   * @throws ClosedChannelException when the channel is closed
   * @throws IllegalArgumentException when the channel comes from another provider
   * @throws UnsupportedOperationException when this JDK lacks the private fields the lookup reads
   * @throws IOException never otherwise
   */
  public static int of(ServerSocketChannel channel) throws IOException {
    return ofChannel(Objects.requireNonNull(channel, "channel"));
  }

  /**
   * Returns the descriptor of a datagram channel.
   *
   * @param channel an open channel of the JDK's default provider
   * @return its file descriptor
   * @throws ClosedChannelException when the channel is closed
   * @throws IllegalArgumentException when the channel comes from another provider
   * @throws UnsupportedOperationException when this JDK lacks the private fields the lookup reads
   * @throws IOException never otherwise
   */
  public static int of(DatagramChannel channel) throws IOException {
    return ofChannel(Objects.requireNonNull(channel, "channel"));
  }

  /**
   * Duplicates a descriptor ({@code fcntl(F_DUPFD_CLOEXEC)}): the copy refers to the same socket
   * and keeps it open until the copy is {@link #close(int) closed}, whatever happens to the
   * original number.
   *
   * @param fd an open descriptor
   * @return the new descriptor, close-on-exec
   * @throws IOException naming {@code fcntl}, e.g. {@link BadDescriptorSocketException} when
   *     {@code fd} is not open
   */
  public static int duplicate(int fd) throws IOException {
    return Natives.duplicate(fd);
  }

  /**
   * Closes a descriptor that this code owns, such as a {@link #duplicate(int) duplicate}. Never
   * close the descriptor of a JDK socket this way: close the socket.
   *
   * @param fd the descriptor
   * @throws IOException naming {@code close}
   */
  public static void close(int fd) throws IOException {
    Natives.close(fd);
  }

  /** A {@code Socket} or {@code ServerSocket}: through its channel when it has one. */
  private static int ofSocket(Object socket, java.nio.channels.Channel channel,
      ClosedCheck closed) throws IOException {
    if (channel != null) {
      return ofChannel(channel);
    }
    if (closed.isClosed()) {
      throw new SocketException("Socket is closed");
    }
    return checked(socket, Natives.descriptorOf(socket), closed);
  }

  private static int ofChannel(java.nio.channels.Channel channel) throws IOException {
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
    int fd = Natives.descriptorOf(channel);
    if (fd == Natives.DESCRIPTOR_NONE && !channel.isOpen()) {
      throw new ClosedChannelException();
    }
    return checked(channel, fd, () -> !channel.isOpen());
  }

  private interface ClosedCheck {
    boolean isClosed();
  }

  private static int checked(Object object, int fd, ClosedCheck closed) throws SocketException {
    if (fd >= 0) {
      return fd;
    }
    if (fd == Natives.DESCRIPTOR_FOREIGN) {
      throw new IllegalArgumentException("not a socket of the JDK's own implementation: "
          + object.getClass().getName() + " (custom SocketImpl or SelectorProvider?)");
    }
    if (fd == Natives.DESCRIPTOR_UNSUPPORTED_JDK) {
      throw new UnsupportedOperationException("descriptor lookup does not support Java "
          + Runtime.version() + ": its private socket fields changed");
    }
    if (closed.isClosed()) {
      throw new SocketException("Socket is closed");
    }
    throw new SocketException("Socket has no descriptor yet: it is neither bound nor connected");
  }
}
