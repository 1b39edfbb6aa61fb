package dev.netkit.unix.wrap;

import dev.netkit.server.StreamServerConfig;
import dev.netkit.unix.UnixStreamServerConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link WrapServer} is told: the width and word limit of the refilled text, and its
 * UNIX-domain server ({@link UnixStreamServerConfig}: socket file, mode, authorizer, connection
 * limits). Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * WrapServerConfig config = WrapServerConfig.builder()
 *     .columns(40)
 *     .server(UnixStreamServerConfig.builder(Path.of("/tmp/wrapserv")).build())
 *     .build();
 * }</pre>
 */
public final class WrapServerConfig {

  /** The book's socket path. */
  public static final Path DEFAULT_PATH = Path.of("/tmp/wrapserv");

  /** The default name of the server's threads and log lines. */
  public static final String DEFAULT_NAME = "wrap-server";

  private final int columns;
  private final int maxWordBytes;
  private final UnixStreamServerConfig server;

  private WrapServerConfig(Builder builder) {
    this.columns = builder.columns;
    this.maxWordBytes = builder.maxWordBytes;
    this.server = builder.server;
  }

  /**
   * Starts a builder with the defaults: {@value TextFiller#DEFAULT_COLUMNS} columns, words up to
   * {@value TextFiller#DEFAULT_MAX_WORD_BYTES} bytes, the socket file at {@link #DEFAULT_PATH}
   * with mode {@code 0600}, every peer allowed, and the core's default limits.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the configuration with every default.
   *
   * @return the defaults of {@link #builder()}
   */
  public static WrapServerConfig defaults() {
    return builder().build();
  }

  /**
   * Returns the default server configuration for a path: mode {@code 0600}, every peer allowed,
   * the core's default limits, named {@value #DEFAULT_NAME}.
   *
   * @param path where the socket file goes
   * @return a builder to change it further
   */
  public static UnixStreamServerConfig.Builder serverDefaults(Path path) {
    return UnixStreamServerConfig.builder(path)
        .connections(StreamServerConfig.builder().name(DEFAULT_NAME).build());
  }

  /**
   * Returns a builder that starts from this configuration.
   *
   * @return a new builder with these values
   */
  public Builder toBuilder() {
    return new Builder().columns(columns).maxWordBytes(maxWordBytes).server(server);
  }

  /**
   * Returns the width ({@code $Text::Wrap::columns}; lines hold at most {@code columns - 1}
   * characters).
   *
   * @return the width
   */
  public int columns() {
    return columns;
  }

  /**
   * Returns the longest word accepted, in bytes.
   *
   * @return the limit
   */
  public int maxWordBytes() {
    return maxWordBytes;
  }

  /**
   * Returns the UNIX-domain server's configuration.
   *
   * @return socket file, mode, authorizer and connection limits
   */
  public UnixStreamServerConfig server() {
    return server;
  }

  /** Collects the values of a {@link WrapServerConfig}. */
  public static final class Builder {

    private int columns = TextFiller.DEFAULT_COLUMNS;
    private int maxWordBytes = TextFiller.DEFAULT_MAX_WORD_BYTES;
    private UnixStreamServerConfig server = serverDefaults(DEFAULT_PATH).build();

    private Builder() {
    }

    /**
     * Sets the width; default {@value TextFiller#DEFAULT_COLUMNS}.
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
     * Sets the UNIX-domain server's configuration; default
     * {@link WrapServerConfig#serverDefaults(Path)} at {@link WrapServerConfig#DEFAULT_PATH}.
     *
     * @param server socket file, mode, authorizer and connection limits
     * @return this builder
     */
    public Builder server(UnixStreamServerConfig server) {
      this.server = server;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException if the width or the word limit is out of range, e.g.
     *     {@code columns : 1 (expected: 2 to 10000)}
     * @throws NullPointerException if the server configuration is missing
     */
    public WrapServerConfig build() {
      new WrapHandler(columns, maxWordBytes);
      Objects.requireNonNull(server, "server");
      return new WrapServerConfig(this);
    }
  }
}
