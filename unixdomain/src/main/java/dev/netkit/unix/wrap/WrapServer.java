package dev.netkit.unix.wrap;

import dev.netkit.unix.AddressInUseException;
import dev.netkit.unix.FileModes;
import dev.netkit.unix.PeerAuthorizer;
import dev.netkit.unix.StreamServer;
import dev.netkit.unix.UnixStreamServer;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * The book's "wrap" server (chapter 22): clients connect to a UNIX-domain stream socket, send
 * text, half-close, and read the text back refilled to narrow paragraphs (see
 * {@link TextFiller}). Many clients are served at once, each on its own thread, with bounded
 * memory; the socket file is safe as {@link dev.netkit.unix.SocketFile} describes.
 *
 * <pre>{@code
 * try (WrapServer server = WrapServer.builder(Path.of("/tmp/wrapserv")).build().start()) {
 *   ...
 * }
 * }</pre>
 */
public final class WrapServer implements AutoCloseable {

  /** The book's socket path. */
  public static final Path DEFAULT_PATH = Path.of("/tmp/wrapserv");

  private final UnixStreamServer server;

  private WrapServer(Builder builder) {
    this.server = UnixStreamServer
        .builder(builder.path, new WrapHandler(builder.columns, builder.maxWordBytes))
        .name("wrap-server")
        .permissions(builder.permissions)
        .authorizer(builder.authorizer)
        .limits(builder.limits)
        .build();
  }

  /**
   * Starts building a server.
   *
   * @param path where the socket file goes, e.g. {@link #DEFAULT_PATH}
   * @return a builder with the defaults: 30 columns, mode {@code 0600}, words up to 64 KiB,
   *     every peer allowed, {@link StreamServer.Limits#defaults()}
   */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /**
   * Claims the socket file and starts serving.
   *
   * @return this server
   * @throws AddressInUseException if a live server or a file that is not a socket has the path
   * @throws IOException if the socket file cannot be created (see
   *     {@link UnixStreamServer#start()})
   */
  public WrapServer start() throws IOException {
    server.start();
    return this;
  }

  /**
   * Returns the socket file's path.
   *
   * @return the absolute path clients connect to
   * @throws IllegalStateException if not started
   */
  public Path path() {
    return server.path();
  }

  /**
   * Returns how many clients are being served right now.
   *
   * @return the count
   */
  public int activeConnections() {
    return server.activeConnections();
  }

  /** Stops serving and removes the socket file. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /** Collects the settings of a {@link WrapServer}. */
  public static final class Builder {

    private final Path path;
    private int columns = TextFiller.DEFAULT_COLUMNS;
    private int maxWordBytes = TextFiller.DEFAULT_MAX_WORD_BYTES;
    private Set<PosixFilePermission> permissions =
        FileModes.toPermissions(FileModes.DEFAULT_SOCKET_MODE);
    private PeerAuthorizer authorizer = PeerAuthorizer.allowAll();
    private StreamServer.Limits limits = StreamServer.Limits.defaults();

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Sets the width ({@code $Text::Wrap::columns}; lines hold at most {@code columns - 1}
     * characters); default {@value TextFiller#DEFAULT_COLUMNS}.
     *
     * @param columns {@value TextFiller#MIN_COLUMNS} to {@value TextFiller#MAX_COLUMNS}
     * @return this builder
     */
    public Builder columns(int columns) {
      this.columns = columns;
      return this;
    }

    /**
     * Sets the longest word accepted; default {@value TextFiller#DEFAULT_MAX_WORD_BYTES} bytes.
     *
     * @param maxWordBytes at least 1
     * @return this builder
     */
    public Builder maxWordBytes(int maxWordBytes) {
      this.maxWordBytes = maxWordBytes;
      return this;
    }

    /**
     * Sets the socket file's mode; default {@code 0600}.
     *
     * @param permissions the mode
     * @return this builder
     */
    public Builder permissions(Set<PosixFilePermission> permissions) {
      this.permissions = Objects.requireNonNull(permissions, "permissions");
      return this;
    }

    /**
     * Sets who is served; default everyone who can reach the socket file.
     *
     * @param authorizer decides per peer
     * @return this builder
     */
    public Builder authorizer(PeerAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /**
     * Sets how many clients are served at once and their idle timeout.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(StreamServer.Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Creates the server; {@link WrapServer#start()} claims the path.
     *
     * @return the server, not started
     * @throws IllegalArgumentException if the width or word limit is out of range
     */
    public WrapServer build() {
      return new WrapServer(this);
    }
  }
}
