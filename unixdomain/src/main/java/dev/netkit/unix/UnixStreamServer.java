package dev.netkit.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UNIX-domain stream server: a {@link StreamServer} on a socket file that {@link SocketFile}
 * claims (stale files reused, live ones refused, mode set with no moment of wider access, file
 * removed on close and at JVM shutdown), with a {@link PeerAuthorizer} applied to every peer
 * before its handler runs.
 *
 * <pre>{@code
 * try (UnixStreamServer server = UnixStreamServer.builder(path, handler)
 *     .permissions(FileModes.parse("0660"))
 *     .authorizer(PeerAuthorizer.allowUids(1000))
 *     .build()
 *     .start()) {
 *   ...
 * }
 * }</pre>
 */
public final class UnixStreamServer implements AutoCloseable {

  /** The listen backlog: how many connections may wait to be accepted. */
  public static final int DEFAULT_BACKLOG = 128;

  private static final Logger log = LoggerFactory.getLogger(UnixStreamServer.class);

  private final Builder config;
  private SocketFile socketFile;
  private StreamServer server;
  private boolean closed;

  private UnixStreamServer(Builder config) {
    this.config = config;
  }

  /**
   * Starts building a server.
   *
   * @param path where the socket file goes
   * @param handler serves each authorized connection
   * @return a builder with the defaults: mode {@code 0600}, every peer allowed, default limits
   */
  public static Builder builder(Path path, ConnectionHandler handler) {
    return new Builder(path, handler);
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
    if (server != null || closed) {
      throw new IllegalStateException(config.name + " already started or closed");
    }
    ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      socketFile = SocketFile.claim(config.path, config.permissions,
          SocketPaths.MAX_JDK_PATH_BYTES,
          staging -> listener.bind(UnixDomainSocketAddress.of(staging), config.backlog),
          UnixSockets::isLive);
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
    server = new StreamServer(config.name, listener, this::authorizeThenHandle, config.limits)
        .start();
    log.debug("{}: listening on {} (mode {})", config.name, socketFile.path(),
        FileModes.format(socketFile.permissions()));
    return this;
  }

  /**
   * Returns the socket file's path: where clients connect.
   *
   * @return the absolute path
   * @throws IllegalStateException if the server was not started
   */
  public synchronized Path path() {
    requireStarted();
    return socketFile.path();
  }

  /**
   * Returns how many connections are being served right now.
   *
   * @return the count, 0 before start
   */
  public synchronized int activeConnections() {
    return server == null ? 0 : server.activeConnections();
  }

  /** Stops accepting, closes every connection and removes the socket file. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (server != null) {
      server.close();
    }
    if (socketFile != null) {
      socketFile.close();
    }
  }

  private void authorizeThenHandle(StreamConnection connection) throws IOException {
    PeerCredentials peer = PeerCredentials.of(connection.channel());
    if (!config.authorizer.authorize(peer)) {
      log.warn("{}: refused peer {}: not authorized", config.name, peer);
      return;
    }
    log.debug("{}: serving peer {}", config.name, peer);
    config.handler.handle(connection);
  }

  private void requireStarted() {
    if (socketFile == null) {
      throw new IllegalStateException(config.name + " not started");
    }
  }

  /** Collects the settings of a {@link UnixStreamServer}. */
  public static final class Builder {

    private final Path path;
    private final ConnectionHandler handler;
    private Set<PosixFilePermission> permissions =
        FileModes.toPermissions(FileModes.DEFAULT_SOCKET_MODE);
    private PeerAuthorizer authorizer = PeerAuthorizer.allowAll();
    private StreamServer.Limits limits = StreamServer.Limits.defaults();
    private String name = "unix-stream-server";
    private int backlog = DEFAULT_BACKLOG;

    private Builder(Path path, ConnectionHandler handler) {
      this.path = Objects.requireNonNull(path, "path");
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Sets the socket file's mode (default {@code 0600}).
     *
     * @param permissions the mode
     * @return this builder
     */
    public Builder permissions(Set<PosixFilePermission> permissions) {
      this.permissions = Objects.requireNonNull(permissions, "permissions");
      return this;
    }

    /**
     * Sets who is served (default everyone who can reach the file).
     *
     * @param authorizer decides per peer
     * @return this builder
     */
    public Builder authorizer(PeerAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /**
     * Sets the connection limits (default {@link StreamServer.Limits#defaults()}).
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(StreamServer.Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the name used for threads and log lines (default {@code unix-stream-server}).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the listen backlog (default {@value UnixStreamServer#DEFAULT_BACKLOG}).
     *
     * @param backlog at least 1
     * @return this builder
     */
    public Builder backlog(int backlog) {
      if (backlog < 1) {
        throw new IllegalArgumentException("backlog : " + backlog + " (expected: > 0)");
      }
      this.backlog = backlog;
      return this;
    }

    /**
     * Creates the server; call {@link UnixStreamServer#start()} to claim the path.
     *
     * @return the server, not started
     */
    public UnixStreamServer build() {
      return new UnixStreamServer(this);
    }
  }
}
