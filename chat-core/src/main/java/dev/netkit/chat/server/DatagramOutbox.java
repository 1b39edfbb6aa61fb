package dev.netkit.chat.server;

import dev.netkit.codec.TooLongFrameException;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.server.ReplyPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link Outbox}: encodes into reusable direct buffers (no copy on send) and sends
 * through the server's non-blocking socket. A datagram the socket refuses (buffer full, a
 * forged destination such as a broadcast address, ICMP errors) is counted and logged at debug
 * level, never thrown: UDP promises no delivery, and one bad client must not stop the server.
 * Every datagram is first taken from its destination address's response budget
 * ({@link ReplyPolicy#mayReply}); one over the budget is not sent and is counted in
 * {@link ChatServerStats#repliesRateLimited()}.
 */
final class DatagramOutbox implements Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

  private final DatagramChannel channel;
  private final ChatFrameCodec codec;
  private final Counters counters;
  private final ReplyPolicy policy;
  private final ByteBuffer replyBuffer;
  private final ByteBuffer fanOutBuffer;

  DatagramOutbox(DatagramChannel channel, ChatFrameCodec codec, Counters counters,
      ReplyPolicy policy) {
    this.channel = channel;
    this.policy = policy;
    this.codec = codec;
    this.counters = counters;
    this.replyBuffer = ByteBuffer.allocateDirect(codec.maxDatagramSize());
    this.fanOutBuffer = ByteBuffer.allocateDirect(codec.maxDatagramSize());
  }

  @Override
  public void send(ByteBuffer datagram, InetSocketAddress to) {
    if (!policy.mayReply(to, datagram.remaining(), System.nanoTime())) {
      counters.repliesRateLimited++;
      LOG.debug("response budget of {} used up: datagram dropped", to.getAddress());
      return;
    }
    int position = datagram.position();
    try {
      if (channel.send(datagram, to) == 0) {
        counters.sendFailures++;
        LOG.debug("send buffer full: datagram to {} dropped", to);
      }
    } catch (IOException e) {
      counters.sendFailures++;
      LOG.debug("send to {} failed: {}", to, e.toString());
    } finally {
      datagram.position(position);
    }
  }

  @Override
  public void send(ChatPayload payload, InetSocketAddress to) {
    trySend(payload, to);
  }

  /**
   * Sends a payload if its frame fits the datagram limit.
   *
   * @return false if it was too long (and so not sent)
   */
  boolean trySend(ChatPayload payload, InetSocketAddress to) {
    ByteBuffer datagram = encode(payload, replyBuffer);
    if (datagram == null) {
      return false;
    }
    send(datagram, to);
    return true;
  }

  /**
   * Encodes a payload for {@link FanOut#deliver} into a buffer of its own, so that replies sent
   * while delivering cannot overwrite it.
   *
   * @return the encoded frame, or null if it is too long
   */
  ByteBuffer encodeForFanOut(ChatPayload payload) {
    return encode(payload, fanOutBuffer);
  }

  private ByteBuffer encode(ChatPayload payload, ByteBuffer buffer) {
    buffer.clear();
    try {
      codec.encode(payload, buffer);
    } catch (TooLongFrameException e) {
      counters.sendFailures++;
      LOG.debug("{} not sent: {}", payload.event(), e.getMessage());
      return null;
    }
    return buffer.flip();
  }
}
