package dev.netkit.travesty;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits UTF-8 text into words at white space, keeping punctuation, across chunk boundaries: a word
 * that touches the end of a chunk which is not a word boundary is kept until the next chunk.
 * Words go to the {@link WordSink} in batches (all the words of one chunk), so that per-call
 * costs are paid once per chunk.
 *
 * <p>White space is the six ASCII white-space characters (space, tab, line feed, vertical tab,
 * form feed, carriage return), like Perl's {@code \s} on the byte strings the book's module
 * splits; other characters, including Unicode spaces, belong to words. Since UTF-8 encodes every
 * other character in bytes of 0x80 and above, splitting the bytes splits the characters. Leading
 * white space yields no word (the book's {@code split /\s+/} yields an empty first word there).
 *
 * <p>Not thread-safe.
 */
final class Tokenizer {

  /** Receives words in batches; the bytes and arrays are valid only during the call. */
  @FunctionalInterface
  interface WordSink {

    /**
     * Accepts a batch of words, in text order.
     *
     * @param buf holds the words
     * @param from index of the first byte of each word
     * @param to index after the last byte of each word
     * @param count the number of words, at least 1
     */
    void words(byte[] buf, int[] from, int[] to, int count);
  }

  private static final long WHITE_SPACE = 1L << ' ' | 1L << '\t' | 1L << '\n' | 1L << 0x0B
      | 1L << '\f' | 1L << '\r';
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

  private final WordSink sink;
  private byte[] partial = new byte[64];
  private int partialLength;
  private int[] from = new int[256];
  private int[] to = new int[256];

  /**
   * Creates a tokenizer.
   *
   * @param sink receives the words
   */
  Tokenizer(WordSink sink) {
    this.sink = sink;
  }

  /**
   * Returns whether a byte separates words.
   *
   * @param b the byte
   * @return true for the six ASCII white-space characters
   */
  static boolean isWhiteSpace(byte b) {
    return b <= ' ' && b >= 0 && (WHITE_SPACE >>> b & 1) != 0;
  }

  /**
   * Splits a chunk of text.
   *
   * @param buf holds the chunk
   * @param start index of its first byte
   * @param end index after its last byte
   * @param endIsBoundary whether a word ends at {@code end} (true for the last chunk of a text)
   */
  void feed(byte[] buf, int start, int end, boolean endIsBoundary) {
    int i = start;
    if (partialLength > 0) {
      int wordEnd = skipWord(buf, i, end);
      keep(buf, i, wordEnd);
      if (wordEnd == end && !endIsBoundary) {
        return;
      }
      finish();
      i = wordEnd;
    }
    int count = 0;
    for (;;) {
      while (i < end && isWhiteSpace(buf[i])) {
        i++;
      }
      if (i == end) {
        break;
      }
      int wordStart = i;
      i = skipWord(buf, i, end);
      if (i == end && !endIsBoundary) {
        keep(buf, wordStart, end);
        break;
      }
      if (count == from.length) {
        from = Arrays.copyOf(from, count * 2);
        to = Arrays.copyOf(to, count * 2);
      }
      from[count] = wordStart;
      to[count++] = i;
    }
    if (count > 0) {
      sink.words(buf, from, to, count);
    }
  }

  /** Ends the text: a word kept from the last chunk is complete. */
  void finish() {
    if (partialLength > 0) {
      from[0] = 0;
      to[0] = partialLength;
      partialLength = 0;
      sink.words(partial, from, to, 1);
    }
  }

  /** Forgets a word kept from the last chunk. */
  void clear() {
    partialLength = 0;
  }

  /**
   * Returns the index of the first white-space byte at or after {@code start}, or {@code end}.
   * Eight bytes at a time: {@code (x - 0x21…21) & ~x & 0x80…80} flags the bytes below 0x21 (the
   * lowest flag is exact); a flagged control character that is not white space belongs to the
   * word, and the scan goes on after it.
   */
  private static int skipWord(byte[] buf, int start, int end) {
    int i = start;
    while (i <= end - Long.BYTES) {
      long x = (long) LONGS.get(buf, i);
      long below = (x - 0x21 * ONES) & ~x & HIGH_BITS;
      if (below == 0) {
        i += Long.BYTES;
      } else {
        i += Long.numberOfTrailingZeros(below) >>> 3;
        if (isWhiteSpace(buf[i])) {
          return i;
        }
        i++;
      }
    }
    while (i < end && !isWhiteSpace(buf[i])) {
      i++;
    }
    return i;
  }

  private void keep(byte[] buf, int start, int end) {
    int length = end - start;
    if (partialLength + (long) length > partial.length) {
      partial = Arrays.copyOf(partial, Capacity.grow(partial.length,
          partialLength + (long) length, "bytes of one word"));
    }
    System.arraycopy(buf, start, partial, partialLength, length);
    partialLength += length;
  }
}
