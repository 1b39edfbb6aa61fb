package dev.netkit.travesty.client;

import dev.netkit.codec.DotStuffing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Turns a text into the lines of a {@code DATA} block: split at line feeds (a CR before one is
 * dropped), lines over {@link #MAX_PIECE_BYTES} split at their last blank (space or tab) before
 * that length, dot-stuffed, each ended by CRLF. Splitting at a blank does not change the words
 * the server sees (a line end is a word boundary, like the blank); only a run of more than
 * {@value #MAX_PIECE_BYTES} bytes without a blank is cut inside a word. The bytes go through
 * unchanged, so any ASCII-compatible encoding is analysed as the book's module does.
 */
final class UploadLines {

  /** The longest line sent: well under the server's default limit of 8 KiB. */
  static final int MAX_PIECE_BYTES = 4000;

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final OutputStream out;
  private byte[] line = new byte[256];
  private int length;

  UploadLines(OutputStream out) {
    this.out = out;
  }

  /** Reads {@code in} to its end through this splitter, calling {@code afterChunk} between. */
  static void copy(InputStream in, UploadLines lines, byte[] buffer, ChunkListener afterChunk)
      throws IOException {
    for (int n; (n = in.read(buffer)) >= 0; ) {
      lines.write(buffer, 0, n);
      if (!afterChunk.chunk(n)) {
        return;
      }
    }
    lines.finish();
  }

  /** Called after each chunk of the text; false stops the copy. */
  interface ChunkListener {
    boolean chunk(int bytes) throws IOException;
  }

  /** Splits the next bytes of the text. */
  void write(byte[] bytes, int offset, int count) throws IOException {
    int end = offset + count;
    int from = offset;
    while (from < end) {
      int lf = indexOfLf(bytes, from, end);
      append(bytes, from, (lf < 0 ? end : lf) - from);
      if (lf < 0) {
        return;
      }
      if (length > 0 && line[length - 1] == CR) {
        length--;
      }
      emit(length);
      from = lf + 1;
    }
  }

  private static int indexOfLf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == LF) {
        return i;
      }
    }
    return -1;
  }

  /** Sends the last line, if the text did not end with a line feed. */
  void finish() throws IOException {
    if (length > 0) {
      emit(length);
    }
  }

  private void splitLongLine() throws IOException {
    int cut = MAX_PIECE_BYTES;
    for (int i = MAX_PIECE_BYTES - 1; i > 0; i--) {
      if (line[i] == ' ' || line[i] == '\t') {
        cut = i;
        break;
      }
    }
    int rest = length - cut;
    byte[] tail = Arrays.copyOfRange(line, cut, length);
    emit(cut);
    System.arraycopy(tail, 0, line, 0, rest);
    length = rest;
  }

  private void emit(int count) throws IOException {
    // Not DotBlockEncoder.encodeLine: a lone CR inside a line of the text goes through as it is.
    out.write(DotStuffing.stuff(line, 0, count));
    out.write(CR);
    out.write(LF);
    length = 0;
  }

  /** Appends to the current line, sending pieces of it whenever it grows too long. */
  private void append(byte[] bytes, int offset, int count) throws IOException {
    while (count > 0) {
      int take = Math.min(count, MAX_PIECE_BYTES + 1 - length);
      if (length + take > line.length) {
        line = Arrays.copyOf(line, Math.max(length + take, line.length * 2));
      }
      System.arraycopy(bytes, offset, line, length, take);
      length += take;
      offset += take;
      count -= take;
      if (length > MAX_PIECE_BYTES) {
        splitLongLine();
      }
    }
  }
}
