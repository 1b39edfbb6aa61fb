package dev.netkit.server;

import dev.netkit.codec.Arguments;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Ends a connection after a final reply (a refusal, an error line) so that the peer can read it.
 * Closing a socket at once while the peer is still sending loses the reply: TCP answers the
 * unread data with a reset, which discards what the peer had not read yet, and a UNIX-domain
 * peer's next write fails with a broken pipe and its next read with a reset. So: half-close
 * (the peer reads the reply, then the end of the stream), read and discard what the peer still
 * sends, for a short bounded while, and only then let the server close the connection.
 *
 * <p>The drain is bounded in time (a {@link Connection#setDeadline(Duration) deadline}) and in
 * bytes, so a peer that never stops sending holds the connection's slot no longer than that.
 */
public final class GracefulClose {

  /** Default of how long a peer may go on sending after the reply: 1 s. */
  public static final Duration DEFAULT_DRAIN_TIME = Duration.ofSeconds(1);
  /** Default of how much a peer may go on sending after the reply: 1 MiB. */
  public static final long DEFAULT_DRAIN_BYTES = 1 << 20;

  private static final int BUFFER_BYTES = 8192;

  private GracefulClose() {
  }

  /**
   * Half-closes and drains with the defaults ({@value #DEFAULT_DRAIN_BYTES} bytes, 1 s).
   *
   * @param connection a connection whose final reply was written (and flushed)
   * @return how many bytes were discarded
   */
  public static long afterReply(Connection connection) {
    return afterReply(connection, DEFAULT_DRAIN_TIME, DEFAULT_DRAIN_BYTES);
  }

  /**
   * Half-closes the connection, then reads and discards what the peer still sends until it
   * half-closes too, {@code maxBytes} have come, or {@code drainTime} has passed. The caller (or
   * the server, when the handler returns) closes the connection afterwards. Failures are not
   * reported: the reply has been sent, and nothing else is owed to the peer.
   *
   * @param connection a connection whose final reply was written (and flushed)
   * @param drainTime the longest time to drain, positive
   * @param maxBytes the most bytes to discard, at least 0
   * @return how many bytes were discarded
   * @throws IllegalArgumentException when a bound is out of range
   */
  public static long afterReply(Connection connection, Duration drainTime, long maxBytes) {
    Arguments.checkPositiveOrZero(maxBytes, "maxBytes");
    connection.setDeadline(drainTime);
    long drained = 0;
    try {
      ConnectionIo io = connection.io();
      io.shutdownOutput();
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
      while (drained < maxBytes) {
        int n = io.read(buffer.clear());
        if (n < 0) {
          break;
        }
        drained += n;
      }
    } catch (IOException e) {
      // Timed out, the server is closing, or the peer went away: the reply was sent.
    }
    return drained;
  }
}
