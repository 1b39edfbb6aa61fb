package dev.netkit.unix;

import dev.netkit.codec.Arguments;
import dev.netkit.server.StreamServerConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link UnixStreamServer} is told: its socket file ({@link SocketFileConfig}: path, mode,
 * authorizer), the listen backlog, and the limits of its connections
 * ({@link StreamServerConfig}). Immutable; build one with {@link #builder(Path)}.
 *
 * <pre>{@code
 * UnixStreamServerConfig config = UnixStreamServerConfig.builder(path)
 *     .socketFile(SocketFileConfig.builder(path)
 *         .permissions(FileModes.parse("0660"))
 *         .authorizer(PeerAuthorizer.allowUids(1000))
 *         .build())
 *     .connections(StreamServerConfig.builder().name("my-server").maxConnections(8).build())
 *     .build();
 * }</pre>
 */
public final class UnixStreamServerConfig {

  /** The default listen backlog: how many connections may wait to be accepted. */
  public static final int DEFAULT_BACKLOG = 128;

  /** The default name of the server's threads and log lines. */
  public static final String DEFAULT_NAME = "unix-stream-server";

  private final SocketFileConfig socketFile;
  private final int backlog;
  private final StreamServerConfig connections;

  private UnixStreamServerConfig(Builder builder) {
    this.socketFile = builder.socketFile;
    this.backlog = builder.backlog;
    this.connections = builder.connections;
  }

  /**
   * Starts a builder with the defaults: {@link SocketFileConfig#defaults(Path)}, backlog
   * {@value #DEFAULT_BACKLOG}, the core's default limits under the name
   * {@value #DEFAULT_NAME}.
   *
   * @param path where the socket file goes
   * @return a new builder
   */
  public static Builder builder(Path path) {
    return new Builder(SocketFileConfig.defaults(path));
  }

  /**
   * Returns the configuration with the defaults for a path.
   *
   * @param path where the socket file goes
   * @return the defaults of {@link #builder(Path)}
   */
  public static UnixStreamServerConfig defaults(Path path) {
    return builder(path).build();
  }

  /**
   * Returns a builder that starts from this configuration.
   *
   * @return a new builder with these values
   */
  public Builder toBuilder() {
    return new Builder(socketFile).backlog(backlog).connections(connections);
  }

  /**
   * Returns the socket file's path, mode and authorizer.
   *
   * @return the socket file configuration
   */
  public SocketFileConfig socketFile() {
    return socketFile;
  }

  /**
   * Returns the listen backlog.
   *
   * @return at least 1
   */
  public int backlog() {
    return backlog;
  }

  /**
   * Returns the limits of the connections: how many at once, the idle timeout, the name.
   *
   * @return the core's configuration
   */
  public StreamServerConfig connections() {
    return connections;
  }

  /** Collects the values of a {@link UnixStreamServerConfig}. */
  public static final class Builder {

    private SocketFileConfig socketFile;
    private int backlog = DEFAULT_BACKLOG;
    private StreamServerConfig connections =
        StreamServerConfig.builder().name(DEFAULT_NAME).build();

    private Builder(SocketFileConfig socketFile) {
      this.socketFile = socketFile;
    }

    /**
     * Sets the socket file's path, mode and authorizer.
     *
     * @param socketFile the socket file configuration
     * @return this builder
     */
    public Builder socketFile(SocketFileConfig socketFile) {
      this.socketFile = socketFile;
      return this;
    }

    /**
     * Sets the listen backlog; default {@value UnixStreamServerConfig#DEFAULT_BACKLOG}.
     *
     * @param backlog at least 1
     * @return this builder
     */
    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /**
     * Sets the limits of the connections. Peers are told apart by user id unless this
     * configuration names a {@link dev.netkit.server.PeerIdentity} other than the default.
     *
     * @param connections the core's configuration
     * @return this builder
     */
    public Builder connections(StreamServerConfig connections) {
      this.connections = connections;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException {@code backlog : 0 (expected: > 0)}
     * @throws NullPointerException naming a missing value
     */
    public UnixStreamServerConfig build() {
      Objects.requireNonNull(socketFile, "socketFile");
      Arguments.checkPositive(backlog, "backlog");
      Objects.requireNonNull(connections, "connections");
      return new UnixStreamServerConfig(this);
    }
  }
}
