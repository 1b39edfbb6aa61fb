package dev.netkit.server;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * What a {@link StreamServer} does to a client it refuses, before it closes it: a protocol's
 * "server busy" reply, say. It runs on the accepting thread, so it must not wait: the channel is
 * in non-blocking mode, and a short reply fits the empty send buffer of a new connection.
 */
@FunctionalInterface
public interface Refuser {

  /** Says nothing: the client sees its connection closed. */
  Refuser SILENT = (channel, refusal) -> { };

  /**
   * Tells a refused client why.
   *
   * @param channel the accepted client, non-blocking; the server closes it afterwards
   * @param refusal the limit it hit
   * @throws IOException when writing fails; the server logs it and closes the client anyway
   */
  void refuse(SocketChannel channel, Refusal refusal) throws IOException;
}
