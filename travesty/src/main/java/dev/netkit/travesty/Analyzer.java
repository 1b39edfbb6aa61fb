package dev.netkit.travesty;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The input side of a model: collects text as UTF-8 in a pending buffer and analyses it in large
 * batches, so that adding a short line (an upload arrives line by line) costs one copy, and the
 * fixed costs of analysis are paid once per 64 KiB.
 *
 * <p>Every text given to an {@code add} method is followed by a line feed in the buffer, which
 * makes its end a word boundary; text that spans several buffers (a long text, a stream) is split
 * by the {@link Tokenizer}, which keeps a word cut at the end of one buffer for the next.
 *
 * <p>Not thread-safe.
 */
final class Analyzer {

  /** Bytes of text collected before they are analysed. */
  static final int BUFFER_SIZE = 1 << 16;

  private static final int CHAR_CHUNK = 1 << 12;
  private static final int MAX_BYTES_PER_CHAR = 3;
  private static final byte BOUNDARY = '\n';

  private final Tokenizer tokenizer;
  private final Runnable afterFlush;
  private final Utf8Encoder encoder = new Utf8Encoder();
  private final byte[] pending = new byte[BUFFER_SIZE];
  private final char[] chars = new char[CHAR_CHUNK];
  private int length;

  /**
   * Creates an analyzer.
   *
   * @param chain the chain that receives the words
   * @param afterFlush called after each analysis of pending text (to publish statistics)
   */
  Analyzer(MarkovChain chain, Runnable afterFlush) {
    this.tokenizer = new Tokenizer(chain::addWords);
    this.afterFlush = afterFlush;
  }

  /**
   * Adds UTF-8 text, then a word boundary.
   *
   * @param utf8 holds the text
   * @param offset index of its first byte
   * @param count its length in bytes
   */
  void add(byte[] utf8, int offset, int count) {
    int from = offset;
    int left = count;
    while (left >= BUFFER_SIZE - length) {
      int piece = BUFFER_SIZE - length;
      System.arraycopy(utf8, from, pending, length, piece);
      length = BUFFER_SIZE;
      flush();
      from += piece;
      left -= piece;
    }
    System.arraycopy(utf8, from, pending, length, left);
    length += left;
    pending[length++] = BOUNDARY;
  }

  /**
   * Adds text, encoded to UTF-8, then a word boundary.
   *
   * @param text the text
   */
  void add(CharSequence text) {
    int size = text.length();
    int from = 0;
    while (from < size) {
      int to = Math.min(size, from + CHAR_CHUNK);
      copy(text, from, to);
      encode(to - from, false);
      from = to;
    }
    encode(0, true);
  }

  /**
   * Adds everything a reader delivers, encoded to UTF-8, then a word boundary.
   *
   * @param in the text
   * @throws IOException if reading fails; the text read so far stays, followed by a boundary
   */
  void add(Reader in) throws IOException {
    try {
      int n;
      while ((n = in.read(chars)) >= 0) {
        encode(n, false);
      }
    } finally {
      encode(0, true);
    }
  }

  /**
   * Adds everything a stream of UTF-8 bytes delivers, then a word boundary.
   *
   * @param in the text
   * @throws IOException if reading fails; the text read so far stays, followed by a boundary
   */
  void add(InputStream in) throws IOException {
    try {
      for (;;) {
        if (length >= BUFFER_SIZE - 1) {
          flush();
        }
        int n = in.read(pending, length, BUFFER_SIZE - 1 - length);
        if (n < 0) {
          break;
        }
        length += n;
      }
    } finally {
      pending[length++] = BOUNDARY;
    }
  }

  /**
   * Analyses the pending text. After a complete {@code add} call nothing stays pending.
   *
   * @throws IllegalStateException if the model is full
   */
  void flush() {
    if (length > 0) {
      int count = length;
      length = 0;
      tokenizer.feed(pending, 0, count, false);
      afterFlush.run();
    }
  }

  /** Forgets pending text. */
  void clear() {
    length = 0;
    tokenizer.clear();
    encoder.clear();
  }

  /** Encodes {@code count} characters of {@link #chars}, flushing first when they might not fit. */
  private void encode(int count, boolean endOfText) {
    if (length + (count + 1) * MAX_BYTES_PER_CHAR + 2 > BUFFER_SIZE) {
      flush();
    }
    length = encoder.encode(chars, 0, count, endOfText, pending, length);
    if (endOfText) {
      pending[length++] = BOUNDARY;
    }
  }

  private void copy(CharSequence text, int from, int to) {
    if (text instanceof String string) {
      string.getChars(from, to, chars, 0);
    } else {
      for (int i = from; i < to; i++) {
        chars[i - from] = text.charAt(i);
      }
    }
  }
}
