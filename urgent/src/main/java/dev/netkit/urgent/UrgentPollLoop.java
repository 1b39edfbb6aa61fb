package dev.netkit.urgent;

import dev.netkit.jni.internal.Poll;
import java.io.IOException;
import java.util.Objects;

/**
 * A single-threaded receiver of normal and urgent data: the book's figure 17.4, which waits with
 * {@code select} for readable ({@code POLLIN}) and exceptional ({@code POLLPRI}) data on one
 * socket, here with {@code poll}. Urgent data is handled before normal data when both are ready.
 *
 * <p>It uses the book's {@code $ok_to_read_oob} trick against spinning: after urgent data was
 * handled it stops asking for {@code POLLPRI} until it has read normal data again, because many
 * systems keep reporting urgent data until then. With urgent data inline, {@code POLLPRI} stays
 * set until the urgent byte itself is read from the stream; {@link UrgentRead.Status#INLINE} is
 * reported once per urgent byte all the same. Unlike the book's loop, it cannot lose an urgent
 * byte that arrives while it does not ask for {@code POLLPRI}: its normal reads
 * ({@link UrgentSocket#read(byte[], int, int)}) set such a byte aside, and it is reported before
 * the data after it.
 */
public final class UrgentPollLoop {

  /** Default size of the normal reads: 1024 bytes, as in the book. */
  public static final int DEFAULT_READ_BUFFER_BYTES = 1024;

  /** What the loop calls, on its own thread. */
  public interface Handler {
    /**
     * Handles normal data; the array is reused for the next read.
     *
     * @param buffer the data, from index 0
     * @param length how many bytes were read, at least 1
     * @throws IOException to stop the loop
     */
    void normalData(byte[] buffer, int length) throws IOException;

    /**
     * Handles an urgent event.
     *
     * @param read {@link UrgentRead.Status#RECEIVED} with the byte, or
     *     {@link UrgentRead.Status#INLINE} when the socket keeps urgent data inline
     * @throws IOException to stop the loop
     */
    void urgentData(UrgentRead read) throws IOException;
  }

  private final UrgentSocket socket;
  private final Handler handler;
  private final int readBufferBytes;

  /**
   * Creates a loop with reads of {@value #DEFAULT_READ_BUFFER_BYTES} bytes.
   *
   * @param socket the connection to read
   * @param handler what to do with the data
   */
  public UrgentPollLoop(UrgentSocket socket, Handler handler) {
    this(socket, handler, DEFAULT_READ_BUFFER_BYTES);
  }

  /**
   * Creates a loop.
   *
   * @param socket the connection to read
   * @param handler what to do with the data
   * @param readBufferBytes the most bytes one normal read returns, 1 to 1 MiB
   * @throws IllegalArgumentException when {@code readBufferBytes} is out of range
   */
  public UrgentPollLoop(UrgentSocket socket, Handler handler, int readBufferBytes) {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.handler = Objects.requireNonNull(handler, "handler");
    if (readBufferBytes < 1 || readBufferBytes > 1 << 20) {
      throw new IllegalArgumentException("readBufferBytes : " + readBufferBytes
          + " (expected: 1 to 1048576)");
    }
    this.readBufferBytes = readBufferBytes;
  }

  /**
   * Reads until the peer closes the connection, calling the handler for each read. Do not run a
   * {@link UrgentWatcher} on the same socket meanwhile: both would handle the urgent data.
   *
   * @throws IOException when reading fails, the socket is closed, or the handler throws
   */
  public void run() throws IOException {
    byte[] buffer = new byte[readBufferBytes];
    boolean okToReadOob = true;
    boolean inlineReported = false;
    while (true) {
      int ready = socket.awaitReady(Poll.IN | (okToReadOob ? Poll.PRI : 0), 0);
      if (okToReadOob && (ready & Poll.PRI) == 0) {
        inlineReported = false;
      }
      if ((ready & Poll.PRI) != 0) {
        UrgentRead read = socket.readUrgent();
        boolean inline = read.status() == UrgentRead.Status.INLINE;
        if (read.isReceived() || inline && !inlineReported) {
          handler.urgentData(read);
        }
        inlineReported = inline;
        okToReadOob = false;
      }
      if ((ready & (Poll.IN | Poll.HUP | Poll.ERR)) != 0) {
        int n = socket.read(buffer, 0, buffer.length);
        // An urgent byte that came right at the read position was set aside by the read: it was
        // sent before the data the read returned.
        while (socket.gate().hasTaken()) {
          handler.urgentData(socket.readUrgent());
        }
        if (n < 0) {
          return;
        }
        handler.normalData(buffer, n);
        okToReadOob = true;
      }
    }
  }
}
