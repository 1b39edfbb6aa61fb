package dev.netkit.unix.wrap;

import dev.netkit.unix.UnixSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The book's wrap client: sends all of a text to the wrap server, half-closes, and copies the
 * answer to an output stream. Unlike the book's client it reads the answer while it is still
 * sending, so a text larger than the socket buffers cannot deadlock against the streaming
 * server.
 */
public final class WrapClient {

  /** The size of the buffers used for copying. */
  public static final int BUFFER_BYTES = 8192;

  private WrapClient() {
  }

  /**
   * Connects to the wrap server at {@code path} and wraps {@code text}.
   *
   * @param path the server's socket file
   * @param text the text to wrap; read to its end, not closed
   * @param out receives the wrapped text; not closed
   * @return how many bytes the server sent back
   * @throws IOException if connecting, sending or receiving fails (connect errors are those of
   *     {@link UnixSockets#connect(Path)})
   */
  public static long wrap(Path path, InputStream text, OutputStream out) throws IOException {
    try (SocketChannel channel = UnixSockets.connect(path)) {
      return exchange(channel, text, out);
    }
  }

  /**
   * Sends {@code text} over a connected blocking channel (UNIX-domain or TCP), half-closes it and
   * copies everything the peer sends back until it closes, reading and sending at the same time.
   *
   * @param channel a connected, blocking channel; not closed
   * @param text the text to send; read to its end, not closed
   * @param out receives the answer; not closed
   * @return how many bytes were received
   * @throws IOException if sending or receiving fails; if sending fails but the answer still
   *     arrives (the server refused the text and explained why), the answer is copied first
   */
  public static long exchange(SocketChannel channel, InputStream text, OutputStream out)
      throws IOException {
    AtomicLong received = new AtomicLong();
    AtomicReference<IOException> readError = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        received.set(copy(channel, out));
      } catch (IOException e) {
        readError.set(e);
      }
    }, "wrap-client-reader");
    reader.setDaemon(true);
    reader.start();
    IOException sendError = null;
    try {
      send(text, channel);
      channel.shutdownOutput();
    } catch (IOException e) {
      sendError = e;
    }
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading the answer");
    }
    if (readError.get() != null) {
      throw readError.get();
    }
    if (sendError != null) {
      throw sendError;
    }
    return received.get();
  }

  private static void send(InputStream text, SocketChannel channel) throws IOException {
    byte[] bytes = new byte[BUFFER_BYTES];
    for (int n = text.read(bytes); n >= 0; n = text.read(bytes)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  private static long copy(SocketChannel channel, OutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    long total = 0;
    for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer.clear())) {
      out.write(buffer.array(), 0, n);
      total += n;
    }
    out.flush();
    return total;
  }
}
