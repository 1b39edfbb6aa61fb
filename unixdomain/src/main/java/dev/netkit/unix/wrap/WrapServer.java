package dev.netkit.unix.wrap;

import dev.netkit.server.StreamServerStats;
import dev.netkit.unix.AddressInUseException;
import dev.netkit.unix.UnixStreamServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The book's "wrap" server (chapter 22): clients connect to a UNIX-domain stream socket, send
 * text, half-close, and read the text back refilled to narrow paragraphs (see
 * {@link TextFiller}). A {@link UnixStreamServer} with a {@link WrapHandler}: many clients are
 * served at once, each on its own thread, with bounded memory; the socket file is safe as
 * {@link dev.netkit.unix.SocketFile} describes.
 *
 * <pre>{@code
 * try (WrapServer server = new WrapServer(WrapServerConfig.defaults()).start()) {
 *   ...
 * }
 * }</pre>
 */
public final class WrapServer implements AutoCloseable {

  private final WrapServerConfig config;
  private final UnixStreamServer server;

  /**
   * Creates a server; {@link #start()} claims the path.
   *
   * @param config the width, word limit and server configuration
   */
  public WrapServer(WrapServerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.server = new UnixStreamServer(config.server(),
        new WrapHandler(config.columns(), config.maxWordBytes()));
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
   * Returns the configuration the server was built with.
   *
   * @return the configuration
   */
  public WrapServerConfig config() {
    return config;
  }

  /**
   * Returns a snapshot of the server's counters: clients served now, refused, timed out.
   *
   * @return the counters now
   */
  public StreamServerStats stats() {
    return server.stats();
  }

  /** Stops serving and removes the socket file. Idempotent. */
  @Override
  public void close() {
    server.close();
  }
}
