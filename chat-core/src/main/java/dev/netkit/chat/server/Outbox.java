package dev.netkit.chat.server;

import dev.netkit.codec.chat.ChatPayload;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * How a {@link FanOut} (and the server itself) sends datagrams: through the server's socket, never
 * throwing, so that one unreachable client cannot stop the server. Send failures are logged and
 * counted in {@link ChatServerStats#sendFailures()}. Use it only on the server's thread.
 */
public interface Outbox {

  /**
   * Sends encoded datagram bytes to one address.
   *
   * @param datagram the bytes from its position to its limit; the position is left unchanged, so
   *     the same buffer can be sent to many addresses
   * @param to the destination
   */
  void send(ByteBuffer datagram, InetSocketAddress to);

  /**
   * Encodes a payload and sends it to one address; a payload whose frame is longer than the
   * server's datagram limit is logged and not sent.
   *
   * @param payload the payload
   * @param to the destination
   */
  void send(ChatPayload payload, InetSocketAddress to);
}
