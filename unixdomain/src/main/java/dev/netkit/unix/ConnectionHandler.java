package dev.netkit.unix;

import java.io.IOException;

/**
 * Serves one stream connection, on a thread of its own; the server closes the connection when
 * the handler returns or throws.
 */
@FunctionalInterface
public interface ConnectionHandler {

  /**
   * Serves a connection to its end.
   *
   * @param connection the accepted connection
   * @throws IOException if the connection fails; the server logs it and closes the connection
   */
  void handle(StreamConnection connection) throws IOException;
}
