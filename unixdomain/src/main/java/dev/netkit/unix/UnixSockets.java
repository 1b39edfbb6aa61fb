package dev.netkit.unix;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** Client-side helpers for UNIX-domain stream sockets over the JDK's channels. */
public final class UnixSockets {

  private UnixSockets() {
  }

  /**
   * Connects a blocking stream channel to a socket file.
   *
   * @param path the server's socket file
   * @return the connected channel
   * @throws PathTooLongException if the path does not fit {@code sun_path} (checked first)
   * @throws ConnectException if no socket accepts there ({@code ENOENT}, {@code ECONNREFUSED})
   * @throws PermissionDeniedException if the socket file or a directory above it denies access
   * @throws NotADirectoryException if a component of the path is not a directory
   * @throws IOException if connecting fails otherwise
   */
  public static SocketChannel connect(Path path) throws IOException {
    SocketPaths.requireFits(path, SocketPaths.MAX_JDK_PATH_BYTES);
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(path));
      return channel;
    } catch (IOException e) {
      channel.close();
      throw SocketErrors.translate("connect", path, e);
    }
  }

  /**
   * Tells whether a stream socket accepts at a path, without blocking: the
   * {@link SocketFile.LivenessProbe} of stream servers. A live server sees a connection that
   * closes at once.
   *
   * @param path an existing socket file
   * @return true if a stream socket accepts there, false if the connection was refused
   *     ({@code ECONNREFUSED}: the file is stale)
   * @throws IOException if it cannot be told, e.g. {@code EACCES}, a socket of another type
   *     ({@code EPROTOTYPE}) or a full backlog ({@code EAGAIN})
   */
  public static boolean isLive(Path path) throws IOException {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.configureBlocking(false);
      probe.connect(UnixDomainSocketAddress.of(path));
      return true;
    } catch (ConnectException e) {
      return false;
    }
  }
}
