package dev.netkit.unix;

import dev.netkit.server.Connection;
import dev.netkit.server.ConnectionHandler;
import dev.netkit.server.GracefulClose;
import dev.netkit.server.PeerIdentity;
import dev.netkit.server.StreamServer;
import dev.netkit.server.StreamServerConfig;
import dev.netkit.server.StreamServerStats;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UNIX-domain stream server: netkit's stream server core ({@link StreamServer}) on a socket
 * file that {@link SocketFile} claims (stale files reused, live ones refused, mode set with no
 * moment of wider access, file removed on close and at JVM shutdown), with the
 * {@link PeerAuthorizer} applied to every peer before its handler runs. Peers are told apart by
 * their user id ({@link #BY_UID}).
 *
 * <pre>{@code
 * UnixStreamServerConfig config = UnixStreamServerConfig.builder(path)
 *     .socketFile(SocketFileConfig.builder(path).authorizer(PeerAuthorizer.sameUser()).build())
 *     .build();
 * try (UnixStreamServer server = new UnixStreamServer(config, handler).start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>The configuration is immutable and read once: nothing done to a builder after
 * {@code build()} changes a server.
 */
public final class UnixStreamServer implements AutoCloseable {

  /**
   * Tells UNIX-domain peers apart by the user id the kernel reports for them
   * ({@code SO_PEERCRED}): the identity the per-peer limit counts.
   */
  public static final PeerIdentity BY_UID = channel -> PeerCredentials.of(channel).uid();

  private static final Logger LOG = LoggerFactory.getLogger(UnixStreamServer.class);

  private final UnixStreamServerConfig config;
  private final SocketFileConfig socketFileConfig;
  private final String name;
  private final ConnectionHandler handler;
  private final StreamServer server;
  private SocketFile socketFile;
  private boolean started;

  /**
   * Creates a server; {@link #start()} claims the path.
   *
   * @param config the socket file, backlog and limits
   * @param handler serves each authorized connection
   */
  public UnixStreamServer(UnixStreamServerConfig config, ConnectionHandler handler) {
    this.config = Objects.requireNonNull(config, "config");
    this.socketFileConfig = config.socketFile();
    this.handler = Objects.requireNonNull(handler, "handler");
    StreamServerConfig connections = config.connections();
    if (connections.peerIdentity() == PeerIdentity.BY_ADDRESS) {
      connections = connections.toBuilder().peerIdentity(BY_UID).build();
    }
    this.name = connections.name();
    this.server = new StreamServer(connections, this::claim, this::authorizeThenHandle);
  }

  /**
   * Claims the socket file and starts accepting.
   *
   * @return this server
   * @throws AddressInUseException if a live server or a file that is not a socket has the path
   * @throws PathTooLongException if the path does not fit {@code sun_path}
   * @throws PermissionDeniedException if the directory does not let this user create the file
   * @throws NotADirectoryException if a component of the directory is not a directory
   * @throws IOException if the socket cannot be created or bound otherwise
   * @throws IllegalStateException if started before or closed
   */
  public synchronized UnixStreamServer start() throws IOException {
    if (started) {
      throw new IllegalStateException(name + " already started or closed");
    }
    started = true;
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      closeSocketFile();
      throw e;
    }
    // The server core has logged "NAME: listening on PATH" at INFO.
    return this;
  }

  /**
   * Returns the socket file's path: where clients connect.
   *
   * @return the absolute path
   * @throws IllegalStateException if the server was not started
   */
  public synchronized Path path() {
    if (socketFile == null) {
      throw new IllegalStateException(name + " not started");
    }
    return socketFile.path();
  }

  /**
   * Returns the configuration the server was built with.
   *
   * @return the configuration
   */
  public UnixStreamServerConfig config() {
    return config;
  }

  /**
   * Returns a snapshot of the server's counters.
   *
   * @return the counters now (all zero before start)
   */
  public StreamServerStats stats() {
    return server.stats();
  }

  /** Stops accepting, ends every connection and removes the socket file. Idempotent. */
  @Override
  public synchronized void close() {
    started = true;
    server.close();
    closeSocketFile();
  }

  /** The core's binder: a listener bound on a socket file claimed safely. */
  private ServerSocketChannel claim() throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      socketFile = SocketFile.claim(socketFileConfig.path(), socketFileConfig.permissions(),
          SocketPaths.MAX_JDK_PATH_BYTES,
          staging -> listener.bind(UnixDomainSocketAddress.of(staging), config.backlog()),
          UnixSockets::isLive);
      return listener;
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
  }

  private void authorizeThenHandle(Connection connection) throws Exception {
    PeerCredentials peer = PeerCredentials.of(connection.channel());
    if (!socketFileConfig.authorizer().authorize(peer)) {
      LOG.warn("{}: refused peer {}: not authorized", name, peer);
      refuse(connection, name + ": refused: uid " + peer.uid() + " may not use this server\n");
      return;
    }
    LOG.debug("{}: serving peer {}", name, peer);
    handler.handle(connection);
  }

  /** Tells a refused peer why, then ends the connection so that it can read that line. */
  private static void refuse(Connection connection, String line) {
    try {
      connection.io().write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      LOG.debug("{}: could not tell the peer it was refused: {}", connection, e.toString());
      return;
    }
    GracefulClose.afterReply(connection);
  }

  private void closeSocketFile() {
    if (socketFile != null) {
      socketFile.close();
    }
  }
}
