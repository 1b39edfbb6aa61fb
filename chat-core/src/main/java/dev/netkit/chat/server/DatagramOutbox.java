package dev.netkit.chat.server;

import dev.netkit.codec.TooLongFrameException;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.server.DatagramBatch;
import dev.netkit.server.ReplyPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link Outbox}: encodes into reusable direct buffers and queues the datagrams in a
 * {@link DatagramBatch} on the server's non-blocking socket; the server {@link #flush() flushes}
 * the queue at the end of each turn (and it flushes itself when full), so the replies and
 * fan-out copies of a turn leave in order with one {@code sendmmsg} per batch where the native
 * library loads. A datagram the socket refuses (a forged destination such as a broadcast
 * address, ICMP errors; on the plain path a full send buffer) is counted and logged at debug
 * level, never thrown: UDP promises no delivery, and one bad client must not stop the server.
 * Every datagram is first taken from its destination address's response budget
 * ({@link ReplyPolicy#mayReply}); one over the budget is not sent and is counted in
 * {@link ChatServerStats#repliesRateLimited()}.
 */
final class DatagramOutbox implements Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

  private final DatagramBatch batch;
  private final ChatFrameCodec codec;
  private final Counters counters;
  private final ReplyPolicy policy;
  private final ByteBuffer replyBuffer;
  private final ByteBuffer fanOutBuffer;

  DatagramOutbox(DatagramBatch batch, ChatFrameCodec codec, Counters counters,
      ReplyPolicy policy) {
    this.batch = batch;
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
    if (batch.queued() == batch.slots()) {
      flush();
    }
    try {
      batch.queue(datagram, to);
    } catch (IOException | RuntimeException e) {
      counters.sendFailures++;
      LOG.debug("send to {} failed: {}", to, e.toString());
    }
  }

  /** Sends every queued datagram; the refused ones are counted (and logged by the batch). */
  void flush() {
    int queued = batch.queued();
    if (queued == 0) {
      return;
    }
    try {
      counters.sendFailures += queued - batch.flush();
    } catch (IOException e) {
      counters.sendFailures += queued;
      LOG.debug("sending {} datagrams failed: {}", queued, e.toString());
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
