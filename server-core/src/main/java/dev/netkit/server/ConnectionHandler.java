package dev.netkit.server;

/**
 * Serves one connection of a {@link StreamServer}, on a thread of its own; the server closes the
 * connection when the handler returns or throws.
 */
@FunctionalInterface
public interface ConnectionHandler {

  /**
   * Serves a connection to its end.
   *
   * @param connection the accepted connection
   * @throws Exception when the connection fails or the handler breaks: an
   *     {@link java.io.IOException} is logged at debug level (a peer that went away), anything
   *     else, an {@link Error} included, as a warning with its stack trace; either way the server
   *     closes this connection and goes on serving the others
   */
  void handle(Connection connection) throws Exception;
}
