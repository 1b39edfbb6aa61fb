package dev.netkit.travesty.server;

import dev.netkit.codec.DotBlockEncoder;
import dev.netkit.travesty.PrettyLineTarget;
import dev.netkit.travesty.protocol.UrgentLineReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * Sends a generation's lines as a dot-stuffed block body, in writes of whole lines of up to
 * {@link #CHUNK_BYTES} bytes, and checks for the client's urgent byte before and after every
 * write, waiting for room in the send buffer and for urgent data together (so a client that
 * stopped reading and aborts is still heard): when it came, the generation stops at once and the
 * lines not yet written are dropped.
 */
final class GenerationWriter implements PrettyLineTarget {

  /** Bytes per write: the abort latency is one write of this size. */
  static final int CHUNK_BYTES = 16 * 1024;

  private final OutputStream out;
  private final UrgentLineReader reader;
  private final IntConsumer progress;
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
  private boolean aborted;

  /** {@code progress} hears the bytes of each write, for the idle check. */
  GenerationWriter(OutputStream out, UrgentLineReader reader, IntConsumer progress) {
    this.out = out;
    this.reader = reader;
    this.progress = progress;
  }

  @Override
  public boolean line(CharSequence line) throws IOException {
    byte[] encoded = DotBlockEncoder.encodeLine(line);
    if (encoded.length > chunk.remaining()) {
      writeChunk();
      if (aborted) {
        return false;
      }
    }
    if (encoded.length > chunk.capacity()) {
      write(encoded, encoded.length);
    } else {
      chunk.put(encoded);
    }
    return true;
  }

  /** Writes what is buffered, unless aborted; then the caller ends the block. */
  void finish() throws IOException {
    if (!aborted && chunk.position() > 0) {
      writeChunk();
    }
  }

  boolean aborted() {
    return aborted;
  }

  private void writeChunk() throws IOException {
    write(chunk.array(), chunk.position());
    chunk.clear();
  }

  private void write(byte[] bytes, int length) throws IOException {
    if (aborted || reader.awaitWritableOrUrgent()) {
      aborted = true;
      return;
    }
    out.write(bytes, 0, length);
    progress.accept(length);
    aborted = reader.pollUrgent();
  }
}
