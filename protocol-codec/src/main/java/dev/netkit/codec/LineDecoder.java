package dev.netkit.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits a byte stream into lines ended by CRLF (RFC 5321/Telnet style), incrementally: bytes may
 * arrive one at a time or many lines at once.
 *
 * <pre>
 *   "GENERATE 10\r\n"          → "GENERATE 10"
 *   "DATA\r\nthe cat\r\n"      → "DATA", "the cat"
 *   "BYE\n"                    → "BYE"   (bare LF: accepted by default, see below)
 *   "a\rb\r\n"                 → "a\rb"  (a CR not followed by LF is content)
 *   "GENER" "ATE 10\r" "\n"    → nothing, nothing, "GENERATE 10"
 * </pre>
 *
 * <p>Use: read into a buffer, flip it, call {@link #decode(ByteBuffer)} until it returns empty,
 * then clear the buffer and read again. A call returns the next complete line and moves the
 * buffer's position past it, or consumes all remaining bytes into its own partial-line store and
 * returns empty; it never blocks. The decoder holds only framing state: the bytes of at most one
 * incomplete line ({@code maxLineLength + 2} bytes) and whether it is skipping an over-long one.
 * Not thread-safe: one decoder per connection.
 *
 * <p><b>Line length.</b> A line's content (without its terminator) may have at most
 * {@code maxLineLength} bytes ({@value #DEFAULT_MAX_LINE_LENGTH} by default). The decoder fails
 * fast: as soon as it has seen {@code maxLineLength + 1} content bytes it throws a
 * {@link TooLongFrameException} (length {@code maxLineLength + 1}, input: the line's first bytes)
 * without waiting for the line end (Netty's {@code failFast}). The over-long line is consumed as
 * far as it is in the buffer (up to and including its LF; what follows stays there). The caller
 * may close the connection, or keep decoding: the decoder skips the rest of the line in later
 * input, up to and including its LF, and continues with the next line.
 *
 * <p><b>Bare LF.</b> With {@link BareLf#ACCEPT} (the default) a lone {@code \n} also ends a line,
 * so people can talk to a server with {@code nc} or a Telnet client in line mode, as with Netty's
 * {@code LineBasedFrameDecoder}. This matters for security where a line protocol is relayed: if
 * one hop ends lines only at CRLF and the next also at a bare LF, a line that the first hop
 * passes on as content (say {@code "x\n."}) is two lines to the second, the last one an end of
 * data, and the lines after it are read as smuggled commands ("SMTP smuggling",
 * CVE-2023-51764/51765/51766; Postfix {@code smtpd_forbid_bare_newline}). A server whose input may pass such a hop should use
 * {@link BareLf#REJECT}: a line ended by a bare LF is then a {@link MalformedFrameException}
 * (the line is consumed, the next one decodes normally). A lone CR is always content.
 *
 * <p><b>Errors.</b> {@link #decode(ByteBuffer)} turns the bytes into a {@code String} strictly:
 * a line that is not UTF-8 is a {@link MalformedTextException}, and is consumed, so the next call
 * continues with the next line. {@link #decodeBytes(ByteBuffer)} returns the raw bytes instead.
 */
public final class LineDecoder {

  /** The default maximum line length in bytes, without the terminator. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 8192;

  /** The largest maximum line length, so that a line and its CRLF fit an array. */
  public static final int MAX_LINE_LENGTH_LIMIT = Integer.MAX_VALUE - 16;

  /** Whether a {@code \n} without a {@code \r} before it ends a line. */
  public enum BareLf {
    /** A bare LF ends a line, like CRLF (lenient; the default). */
    ACCEPT,
    /** A line ended by a bare LF is a {@link MalformedFrameException} (strict RFC 5321 style). */
    REJECT
  }

  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final int MIN_STORE = 128;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LF_BYTES = 0x0a0a0a0a0a0a0a0aL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final int maxLineLength;
  private final BareLf bareLf;

  private byte[] partial = new byte[0];
  private int partialLength;
  private boolean discarding;

  // Where the line found by the last call to nextLine() is (either the caller's array or partial).
  private byte[] lineArray;
  private int lineOffset;
  private int lineLength;

  /** Creates a decoder with the default maximum line length that accepts bare LF. */
  public LineDecoder() {
    this(DEFAULT_MAX_LINE_LENGTH, BareLf.ACCEPT);
  }

  /**
   * Creates a decoder that accepts bare LF.
   *
   * @param maxLineLength the most content bytes a line may have
   * @throws IllegalArgumentException unless 1 &lt;= {@code maxLineLength} &lt;=
   *     {@link #MAX_LINE_LENGTH_LIMIT}
   */
  public LineDecoder(int maxLineLength) {
    this(maxLineLength, BareLf.ACCEPT);
  }

  /**
   * Creates a decoder.
   *
   * @param maxLineLength the most content bytes a line may have
   * @param bareLf whether a bare LF ends a line or is an error
   * @throws IllegalArgumentException unless 1 &lt;= {@code maxLineLength} &lt;=
   *     {@link #MAX_LINE_LENGTH_LIMIT}
   */
  public LineDecoder(int maxLineLength, BareLf bareLf) {
    this.maxLineLength =
        Arguments.checkInRange(maxLineLength, 1, MAX_LINE_LENGTH_LIMIT, "maxLineLength");
    this.bareLf = Objects.requireNonNull(bareLf, "bareLf");
  }

  /**
   * Returns the limit.
   *
   * @return the most content bytes a line may have
   */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * Returns the bare-LF policy.
   *
   * @return whether a bare LF ends a line
   */
  public BareLf bareLf() {
    return bareLf;
  }

  /**
   * Decodes the next line as UTF-8 text.
   *
   * @param in bytes from the peer; its position moves past the line, or to its limit if there is
   *     no complete line yet
   * @return the line without its terminator, or empty if more input is needed
   * @throws TooLongFrameException if the line is longer than {@link #maxLineLength()}; keep
   *     calling to skip the rest of it
   * @throws MalformedFrameException if {@link BareLf#REJECT} and the line ends with a bare LF
   * @throws MalformedTextException if the line is not UTF-8 (the line is consumed)
   */
  public Optional<String> decode(ByteBuffer in) {
    return nextLine(in)
        ? Optional.of(Utf8.decode(lineArray, lineOffset, lineLength, "line"))
        : Optional.empty();
  }

  /**
   * Decodes the next line as bytes.
   *
   * @param in bytes from the peer; its position moves past the line, or to its limit if there is
   *     no complete line yet
   * @return a new array with the line without its terminator, or empty if more input is needed
   * @throws TooLongFrameException if the line is longer than {@link #maxLineLength()}; keep
   *     calling to skip the rest of it
   * @throws MalformedFrameException if {@link BareLf#REJECT} and the line ends with a bare LF
   */
  public Optional<byte[]> decodeBytes(ByteBuffer in) {
    return nextLine(in)
        ? Optional.of(Arrays.copyOfRange(lineArray, lineOffset, lineOffset + lineLength))
        : Optional.empty();
  }

  /**
   * Returns how many bytes of an incomplete line the decoder holds.
   *
   * @return 0 when the decoder is between lines
   */
  public int bufferedBytes() {
    return partialLength;
  }

  /**
   * Tells whether the decoder is skipping the rest of an over-long line.
   *
   * @return true after a {@link TooLongFrameException} until the line's LF has been read
   */
  public boolean isDiscarding() {
    return discarding;
  }

  /**
   * Forgets any incomplete line and stops skipping: the next byte starts a new line. For example
   * after urgent data told the receiver to throw away what is in flight.
   */
  public void reset() {
    partialLength = 0;
    discarding = false;
  }

  private boolean nextLine(ByteBuffer in) {
    if (discarding && !skipRestOfLine(in)) {
      return false;
    }
    int start = in.position();
    // Never look further than the point where the line is certainly too long.
    int scanEnd = start + Math.min(in.remaining(), maxLineLength + 2 - partialLength);
    int lf = indexOfLf(in, start, scanEnd);
    if (lf < 0) {
      store(in, start, scanEnd);
      in.position(scanEnd);
      checkIncompleteLineLength(in);
      return false;
    }
    in.position(lf + 1);
    if (partialLength == 0 && in.hasArray()) {
      lineArray = in.array();
      lineOffset = in.arrayOffset() + start;
      lineLength = lf - start;
    } else {
      store(in, start, lf);
      lineArray = partial;
      lineOffset = 0;
      lineLength = partialLength;
      partialLength = 0;
    }
    stripTerminator();
    return true;
  }

  private void stripTerminator() {
    boolean crlf = lineLength > 0 && lineArray[lineOffset + lineLength - 1] == CR;
    if (crlf) {
      lineLength--;
    }
    if (lineLength > maxLineLength) {
      throw tooLong(lineArray, lineOffset);
    }
    if (!crlf && bareLf == BareLf.REJECT) {
      throw new MalformedFrameException("line terminator", "bare LF", "CRLF",
          HexPreview.of(lineArray, lineOffset, lineLength));
    }
  }

  private void checkIncompleteLineLength(ByteBuffer in) {
    boolean tooLong = partialLength == maxLineLength + 2
        || (partialLength == maxLineLength + 1 && partial[maxLineLength] != CR);
    if (tooLong) {
      partialLength = 0;
      discarding = true;
      TooLongFrameException failure = tooLong(partial, 0);
      skipRestOfLine(in);
      throw failure;
    }
  }

  private TooLongFrameException tooLong(byte[] line, int offset) {
    return new TooLongFrameException("line length", maxLineLength + 1L, maxLineLength,
        HexPreview.of(line, offset, maxLineLength + 1));
  }

  private boolean skipRestOfLine(ByteBuffer in) {
    int lf = indexOfLf(in, in.position(), in.limit());
    if (lf < 0) {
      in.position(in.limit());
      return false;
    }
    in.position(lf + 1);
    discarding = false;
    return true;
  }

  /** Appends {@code in[from, to)} to the partial line; the caller has bounded the length. */
  private void store(ByteBuffer in, int from, int to) {
    int length = to - from;
    int needed = partialLength + length;
    if (needed > partial.length) {
      int grown = (int) Math.min((long) maxLineLength + 2,
          Math.max(needed, Math.max(MIN_STORE, 2L * partial.length)));
      partial = Arrays.copyOf(partial, grown);
    }
    in.get(from, partial, partialLength, length);
    partialLength = needed;
  }

  private static int indexOfLf(ByteBuffer in, int from, int to) {
    if (in.hasArray()) {
      int offset = in.arrayOffset();
      int index = indexOfLf(in.array(), offset + from, offset + to);
      return index < 0 ? -1 : index - offset;
    }
    for (int i = from; i < to; i++) {
      if (in.get(i) == LF) {
        return i;
      }
    }
    return -1;
  }

  /** Finds the first LF in {@code bytes[from, to)}, eight bytes per step (SWAR). */
  static int indexOfLf(byte[] bytes, int from, int to) {
    int i = from;
    for (; i <= to - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ LF_BYTES;
      // A zero byte of word marks an LF; the lowest set high bit is the first one.
      long found = (word - LOW_BITS) & ~word & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == LF) {
        return i;
      }
    }
    return -1;
  }
}
