package dev.netkit.unix;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * Where a UNIX-domain server's socket file goes and who may use it: the path, the file's mode
 * (set with no moment of wider access, see {@link SocketFile}) and the {@link PeerAuthorizer}
 * applied to every peer. Shared by the stream and the datagram servers. Immutable; build one
 * with {@link #builder(Path)}.
 */
public final class SocketFileConfig {

  /** The default mode of the socket file: {@code 0600}, this user only. */
  public static final Set<PosixFilePermission> DEFAULT_PERMISSIONS =
      FileModes.toPermissions(FileModes.DEFAULT_SOCKET_MODE);

  private final Path path;
  private final Set<PosixFilePermission> permissions;
  private final PeerAuthorizer authorizer;

  private SocketFileConfig(Builder builder) {
    this.path = builder.path;
    this.permissions = Set.copyOf(builder.permissions);
    this.authorizer = builder.authorizer;
  }

  /**
   * Starts a builder with the defaults: mode {@code 0600}, every peer allowed.
   *
   * @param path where the socket file goes
   * @return a new builder
   */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /**
   * Returns the configuration with the defaults for a path.
   *
   * @param path where the socket file goes
   * @return mode {@code 0600}, every peer allowed
   */
  public static SocketFileConfig defaults(Path path) {
    return builder(path).build();
  }

  /**
   * Returns a builder that starts from this configuration.
   *
   * @return a new builder with these values
   */
  public Builder toBuilder() {
    return new Builder(path).permissions(permissions).authorizer(authorizer);
  }

  /**
   * Returns where the socket file goes.
   *
   * @return the path
   */
  public Path path() {
    return path;
  }

  /**
   * Returns the socket file's mode.
   *
   * @return the permissions (immutable)
   */
  public Set<PosixFilePermission> permissions() {
    return permissions;
  }

  /**
   * Returns who is served, judged by the kernel's credentials of each peer.
   *
   * @return the authorizer
   */
  public PeerAuthorizer authorizer() {
    return authorizer;
  }

  /**
   * Describes the path and the mode, e.g. {@code /tmp/wrapserv (mode 0600)}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return path + " (mode " + FileModes.format(permissions) + ")";
  }

  /** Collects the values of a {@link SocketFileConfig}. */
  public static final class Builder {

    private Path path;
    private Set<PosixFilePermission> permissions = DEFAULT_PERMISSIONS;
    private PeerAuthorizer authorizer = PeerAuthorizer.allowAll();

    private Builder(Path path) {
      this.path = path;
    }

    /**
     * Sets where the socket file goes.
     *
     * @param path the path
     * @return this builder
     */
    public Builder path(Path path) {
      this.path = path;
      return this;
    }

    /**
     * Sets the socket file's mode; default {@code 0600}.
     *
     * @param permissions the mode
     * @return this builder
     */
    public Builder permissions(Set<PosixFilePermission> permissions) {
      this.permissions = permissions;
      return this;
    }

    /**
     * Sets who is served; default everyone who can reach the socket file.
     *
     * @param authorizer decides per peer
     * @return this builder
     */
    public Builder authorizer(PeerAuthorizer authorizer) {
      this.authorizer = authorizer;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the configuration
     * @throws NullPointerException naming a missing value
     */
    public SocketFileConfig build() {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(permissions, "permissions");
      Objects.requireNonNull(authorizer, "authorizer");
      return new SocketFileConfig(this);
    }
  }
}
