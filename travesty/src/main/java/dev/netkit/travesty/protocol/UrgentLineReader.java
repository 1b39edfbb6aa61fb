package dev.netkit.travesty.protocol;

import dev.netkit.codec.LineDecoder;
import dev.netkit.codec.MalformedTextException;
import dev.netkit.codec.TooLongFrameException;
import dev.netkit.urgent.Readiness;
import dev.netkit.urgent.UrgentRead;
import dev.netkit.urgent.UrgentSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The input side of a travesty connection: CRLF lines through a {@link LineDecoder}, and the urgent
 * data that aborts (see the {@linkplain dev.netkit.travesty.protocol package summary}). It waits
 * for normal and urgent data together ({@link UrgentSocket#awaitReadableOrUrgent(Duration)}, like
 * the book's figure 17.4), so an urgent byte is noticed even when no normal data follows it, and
 * reports it as an {@link Input.Kind#URGENT} input as soon as it is known, before any lines it
 * still buffers: those were sent before the mark. The caller then calls {@link
 * #skipToMark(Duration)}, which discards everything up to the mark, reads the urgent byte (waiting
 * for it when its announcement came first, the book's caveat 3) and clears the line buffer.
 *
 * <p>An urgent condition is checked after every read ({@code recv(MSG_OOB)}), so it is found
 * whether the byte is already there or only announced. Reads go through
 * {@link UrgentSocket#read(byte[], int, int)}, which never steps over an urgent byte, and stop at
 * the mark by themselves, so the buffer never holds bytes from after a known mark. Not
 * thread-safe: one reading thread per connection. The socket's own input stream must not be read
 * meanwhile. The reader does not close the socket.
 */
public final class UrgentLineReader {

  /** Size of one read. */
  static final int READ_BUFFER_BYTES = 64 * 1024;

  /** What {@link #nextLine()} or {@link #nextRawLine()} found. */
  public static final class Input {
    /** The kinds of input. */
    public enum Kind {
      /** A complete line, without its terminator. */
      LINE,
      /** The peer sent urgent data: call {@link #skipToMark(Duration)}. */
      URGENT,
      /** The peer closed its side of the connection; a partial last line is dropped. */
      END
    }

    private static final Input URGENT = new Input(Kind.URGENT, null, null);
    private static final Input END = new Input(Kind.END, null, null);

    private final Kind kind;
    private final String text;
    private final byte[] bytes;

    private Input(Kind kind, String text, byte[] bytes) {
      this.kind = kind;
      this.text = text;
      this.bytes = bytes;
    }

    /**
     * Returns the kind of input.
     *
     * @return line, urgent data or end
     */
    public Kind kind() {
      return kind;
    }

    /**
     * Returns the line read by {@link #nextLine()}.
     *
     * @return the line's text
     * @throws IllegalStateException for another kind, or a line read as bytes
     */
    public String text() {
      if (text == null) {
        throw new IllegalStateException("no text line: " + kind);
      }
      return text;
    }

    /**
     * Returns the line read by {@link #nextRawLine()}.
     *
     * @return the line's bytes, a new array
     * @throws IllegalStateException for another kind, or a line read as text
     */
    public byte[] bytes() {
      if (bytes == null) {
        throw new IllegalStateException("no raw line: " + kind);
      }
      return bytes;
    }

    @Override
    public String toString() {
      return kind == Kind.LINE ? "LINE(" + (text != null ? text : bytes.length + " bytes") + ")"
          : kind.name();
    }
  }

  private final UrgentSocket urgent;
  private final LineDecoder lines;
  private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES).flip();
  private Duration timeout = Duration.ZERO;
  private long readLimit = Long.MAX_VALUE;
  private long lineTimeoutNanos;
  private long deadlineNanos;
  private boolean hasDeadline;
  private long lineStartNanos;
  private boolean inLine;
  private boolean urgentPending;
  private boolean urgentByteRead;
  private volatile long bytesRead;
  private long announcedBeforeArrival;

  /**
   * Creates a reader of a connected socket.
   *
   * @param socket the connection
   * @param maxLineLength the longest line accepted, in bytes without the terminator
   * @throws IOException when the socket's descriptor cannot be found or it is closed
   * @throws IllegalArgumentException when {@code maxLineLength} is out of the decoder's range
   * @throws UnsupportedOperationException when netkit's native library is not available (see
   *     {@link UrgentSocket#of(Socket)}; the message says why, e.g. an unsupported platform)
   */
  public UrgentLineReader(Socket socket, int maxLineLength) throws IOException {
    Objects.requireNonNull(socket, "socket");
    this.lines = new LineDecoder(maxLineLength);
    this.urgent = UrgentSocket.of(socket);
  }

  /**
   * Sets how long {@link #nextLine()} and {@link #nextRawLine()} wait for data.
   *
   * @param timeout the longest wait; zero waits without limit (the default)
   * @throws IllegalArgumentException when negative or over {@link Integer#MAX_VALUE} ms
   */
  public void setTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("timeout : " + timeout + " (expected: 0 to 24 days)");
    }
    this.timeout = timeout;
  }

  /**
   * Sets how long a line may take to complete once its first byte has arrived, whatever arrives
   * meanwhile: a peer that trickles a byte now and then never makes the socket idle, but cannot
   * hold the connection longer than this per line. An over-long line that is being skipped counts
   * as one line.
   *
   * @param timeout the longest a line may take; zero for no limit (the default)
   * @throws IllegalArgumentException when negative
   */
  public void setLineTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("lineTimeout : " + timeout + " (expected: >= 0)");
    }
    this.lineTimeoutNanos = timeout.toNanos();
  }

  /**
   * Makes reads fail with {@link ReadDeadlineException} once the deadline has passed, however
   * steadily lines arrive: for an exchange of many lines that must end in time (an upload). Lines
   * already read into the buffer may still be returned before the deadline is noticed at the
   * next read from the socket.
   *
   * @param deadline the deadline on the {@link System#nanoTime()} scale
   */
  public void setDeadline(long deadline) {
    this.deadlineNanos = deadline;
    this.hasDeadline = true;
  }

  /** Removes the deadline set by {@link #setDeadline(long)} (none is the default). */
  public void clearDeadline() {
    this.hasDeadline = false;
  }

  /**
   * Makes reads fail with {@link ReadLimitException} once {@link #bytesRead()} passes
   * {@code maxBytesRead}, counting every byte whether or not it ends a line (the line decoder
   * skips an over-long line without returning, so a line that never ends would otherwise be read
   * for ever).
   *
   * @param maxBytesRead the most {@link #bytesRead()} may reach; {@link Long#MAX_VALUE} for no
   *     limit (the default)
   */
  public void limitBytesRead(long maxBytesRead) {
    this.readLimit = maxBytesRead;
  }

  /**
   * Returns the next line as text (strict UTF-8), or urgent data, or the end.
   *
   * @return the input
   * @throws TooLongFrameException when a line is over the limit; the reader skips the rest of
   *     it, so the caller may go on
   * @throws MalformedTextException when the line is not UTF-8; it is consumed
   * @throws LineTimeoutException when a begun line is not finished within the line timeout
   * @throws ReadDeadlineException when the deadline ({@link #setDeadline(long)}) has passed
   * @throws ReadLimitException when more bytes were read than {@link #limitBytesRead(long)} allows
   * @throws SocketTimeoutException when the timeout passes without a line
   * @throws IOException when reading fails
   */
  public Input nextLine() throws IOException {
    return next(true);
  }

  /**
   * Returns the next line as bytes, or urgent data, or the end.
   *
   * @return the input
   * @throws TooLongFrameException when a line is over the limit; the reader skips the rest of
   *     it, so the caller may go on
   * @throws LineTimeoutException when a begun line is not finished within the line timeout
   * @throws ReadDeadlineException when the deadline ({@link #setDeadline(long)}) has passed
   * @throws ReadLimitException when more bytes were read than {@link #limitBytesRead(long)} allows
   * @throws SocketTimeoutException when the timeout passes without a line
   * @throws IOException when reading fails
   */
  public Input nextRawLine() throws IOException {
    return next(false);
  }

  private Input next(boolean text) throws IOException {
    while (true) {
      if (urgentPending) {
        return Input.URGENT;
      }
      if (buffer.hasRemaining()) {
        Input line = decode(text);
        if (line != null) {
          inLine = lines.bufferedBytes() > 0 || lines.isDiscarding() || buffer.hasRemaining();
          lineStartNanos = System.nanoTime();
          return line;
        }
      }
      if (!inLine && (lines.bufferedBytes() > 0 || lines.isDiscarding())) {
        inLine = true;
        lineStartNanos = System.nanoTime();
      }
      Duration wait = waitTimeout();
      Readiness ready = urgent.awaitReadableOrUrgent(wait);
      if (ready == Readiness.TIMED_OUT) {
        checkDeadline();
        checkLineTime();
        if (timeout.isZero() || wait.compareTo(timeout) < 0) {
          // The wait was cut to the line's or the reader's deadline (a poll may wake a little
          // before it): the reader's own timeout has not passed, so wait again (the limits are
          // checked first).
          continue;
        }
        throw new SocketTimeoutException("no data for " + timeout.toMillis() + " ms");
      }
      // Urgent data first: a read now would return data from after the mark.
      if (ready == Readiness.URGENT && checkUrgent()) {
        continue;
      }
      if (!fill()) {
        return Input.END;
      }
      checkUrgent();
      if (bytesRead > readLimit) {
        throw new ReadLimitException(bytesRead, readLimit);
      }
      checkDeadline();
      checkLineTime();
    }
  }

  /**
   * The wait: the reader's timeout, or less when a begun line or the deadline must end sooner.
   */
  private Duration waitTimeout() throws SocketTimeoutException {
    Duration wait = timeout;
    if (hasDeadline) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        throw new ReadDeadlineException();
      }
      wait = shorter(wait, left);
    }
    if (!inLine || lineTimeoutNanos == 0) {
      return wait;
    }
    long left = lineStartNanos + lineTimeoutNanos - System.nanoTime();
    if (left <= 0) {
      throw new LineTimeoutException(lineTimeoutNanos / 1_000_000);
    }
    return shorter(wait, left);
  }

  /** The shorter of a wait (zero: none) and what is left, in nanoseconds, of a time limit. */
  private static Duration shorter(Duration wait, long leftNanos) {
    // Whole milliseconds, rounded up, so that the wait does not end just before the deadline.
    Duration left = Duration.ofMillis(Math.max(1, (leftNanos + 999_999) / 1_000_000));
    return wait.isZero() || left.compareTo(wait) < 0 ? left : wait;
  }

  private void checkDeadline() throws ReadDeadlineException {
    if (hasDeadline && System.nanoTime() - deadlineNanos >= 0) {
      throw new ReadDeadlineException();
    }
  }

  private void checkLineTime() throws LineTimeoutException {
    if (inLine && lineTimeoutNanos > 0
        && System.nanoTime() - (lineStartNanos + lineTimeoutNanos) >= 0) {
      throw new LineTimeoutException(lineTimeoutNanos / 1_000_000);
    }
  }

  private Input decode(boolean text) {
    if (text) {
      Optional<String> line = lines.decode(buffer);
      return line.map(s -> new Input(Input.Kind.LINE, s, null)).orElse(null);
    }
    Optional<byte[]> line = lines.decodeBytes(buffer);
    return line.map(b -> new Input(Input.Kind.LINE, null, b)).orElse(null);
  }

  /** One read into the empty buffer; false at the end of the stream. */
  private boolean fill() throws IOException {
    buffer.clear();
    int n = urgent.read(buffer.array(), 0, buffer.capacity());
    if (n < 0) {
      buffer.limit(0);
      return false;
    }
    buffer.limit(n);
    bytesRead += n;
    return true;
  }

  /** Asks the kernel (or what the reads set aside) for urgent data; true when some is known. */
  private boolean checkUrgent() throws IOException {
    UrgentRead read = urgent.readUrgent();
    if (read.isReceived()) {
      urgentPending = true;
      urgentByteRead = true;
    } else if (read.status() == UrgentRead.Status.NOT_ARRIVED_YET) {
      urgentPending = true;
      announcedBeforeArrival++;
    }
    return urgentPending;
  }

  /**
   * Tells whether urgent data was seen and not yet skipped.
   *
   * @return true between an {@link Input.Kind#URGENT} input and {@link #skipToMark(Duration)}
   */
  public boolean isUrgentPending() {
    return urgentPending;
  }

  /**
   * Checks for urgent data without waiting, e.g. between two writes of a long reply; when there
   * is some, the next {@link #nextLine()} returns {@link Input.Kind#URGENT}.
   *
   * @return true when urgent data is pending
   * @throws IOException naming {@code recv(MSG_OOB)}
   */
  public boolean pollUrgent() throws IOException {
    return urgentPending || checkUrgent();
  }

  /**
   * Waits until the socket can take more data ({@code POLLOUT}) or urgent data arrives, for a
   * thread about to write a long reply: a peer that stopped reading fills the send buffer, and a
   * write blocked then would not notice the peer's abort (the book's server is woken from such a
   * write by {@code SIGURG}). The wait ends too when the connection is shut down, and fails
   * when the socket is closed ({@link UrgentSocket#awaitWritableOrUrgent(Duration)}).
   *
   * @return true when urgent data is pending (do not write), false when writing may go on
   * @throws IOException naming {@code poll} or {@code recv(MSG_OOB)}, or {@code Socket is closed}
   */
  public boolean awaitWritableOrUrgent() throws IOException {
    if (urgentPending) {
      return true;
    }
    urgent.awaitWritableOrUrgent(Duration.ZERO);
    return checkUrgent();
  }

  /**
   * Discards everything up to the urgent mark: the lines and the partial line buffered, and the
   * bytes the peer sent before its urgent byte; then reads the urgent byte, waiting for it when
   * only its announcement has arrived. Afterwards the next byte read is the first one sent after
   * the urgent byte. Call it only after an {@link Input.Kind#URGENT} input (or a true
   * {@link #pollUrgent()}); without urgent data it would read to the end of the stream.
   *
   * @param byteTimeout how long to wait for the urgent byte once at the mark (not for the data
   *     before it, which flows as fast as the peer sends it)
   * @return how many bytes were discarded, those already buffered included
   * @throws SocketTimeoutException when the urgent byte does not come in time
   * @throws EOFException when the stream ends first
   * @throws IOException when reading fails
   */
  public long skipToMark(Duration byteTimeout) throws IOException {
    long discarded = buffer.remaining() + lines.bufferedBytes();
    buffer.position(buffer.limit());
    lines.reset();
    inLine = false;
    long fromSocket = urgent.discardToMark(OutputStream.nullOutputStream());
    bytesRead += fromSocket;
    discarded += fromSocket;
    if (!urgentByteRead) {
      awaitUrgentByte(byteTimeout);
    }
    urgentPending = false;
    urgentByteRead = false;
    return discarded;
  }

  private void awaitUrgentByte(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      UrgentRead read = urgent.readUrgent();
      if (read.status() != UrgentRead.Status.NOT_ARRIVED_YET) {
        return;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        throw new SocketTimeoutException("urgent byte announced but not received within "
            + timeout.toMillis() + " ms");
      }
      if (urgent.awaitUrgent(Duration.ofMillis(left)) == Readiness.ENDED) {
        throw new EOFException("connection ended before the announced urgent byte");
      }
    }
  }

  /** How often urgent data was announced before its byte arrived (caveat 3); for tests. */
  long announcedBeforeArrival() {
    return announcedBeforeArrival;
  }

  /**
   * Returns how many bytes were read from the socket so far, discarded ones included; safe from
   * any thread (a server watches it for idleness).
   *
   * @return the count
   */
  public long bytesRead() {
    return bytesRead;
  }
}
