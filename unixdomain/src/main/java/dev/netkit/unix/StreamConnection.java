package dev.netkit.unix;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * One accepted stream connection, UNIX-domain or TCP alike, with blocking reads and writes that
 * give up after an idle timeout. A handler written against this class serves both transports the
 * same way (the benchmarks rely on that).
 *
 * <p>The channel is put in non-blocking mode and waited on with a private {@link Selector}, since
 * UNIX-domain channels have no {@code SO_TIMEOUT}. One thread at a time may read, and one at a time
 * may write; {@link #close()} may be called from any thread and wakes a blocked reader or writer,
 * which then gets an {@link AsynchronousCloseException}.
 */
public final class StreamConnection implements Closeable {

  /** The buffer size of {@link #outputStream()}. */
  public static final int OUTPUT_BUFFER_BYTES = 8192;

  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final long timeoutMillis;

  /**
   * Wraps a connected channel.
   *
   * @param channel the connected channel; this object owns it from now on
   * @param idleTimeout how long a read or write may wait for the peer; must be positive
   * @throws IOException if the channel cannot be made non-blocking or the selector not opened
   */
  public StreamConnection(SocketChannel channel, Duration idleTimeout) throws IOException {
    this.channel = Objects.requireNonNull(channel, "channel");
    if (idleTimeout.isZero() || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout : " + idleTimeout + " (expected: > 0)");
    }
    this.timeoutMillis = Math.max(1, idleTimeout.toMillis());
    channel.configureBlocking(false);
    this.selector = Selector.open();
    this.key = channel.register(selector, 0);
  }

  /**
   * Reads at least one byte, waiting up to the idle timeout.
   *
   * @param target where the bytes go; must have room
   * @return the number of bytes read, or -1 at end of stream
   * @throws SocketTimeoutException if the peer sent nothing for the idle timeout
   * @throws AsynchronousCloseException if the connection was closed meanwhile
   * @throws IOException if reading fails
   */
  public int read(ByteBuffer target) throws IOException {
    if (!target.hasRemaining()) {
      throw new IllegalArgumentException("target has no room");
    }
    int n;
    while ((n = channel.read(target)) == 0) {
      await(SelectionKey.OP_READ, "read");
    }
    return n;
  }

  /**
   * Writes all remaining bytes, waiting up to the idle timeout each time the peer's buffer is
   * full.
   *
   * @param source the bytes; fully consumed on return
   * @throws SocketTimeoutException if the peer read nothing for the idle timeout
   * @throws AsynchronousCloseException if the connection was closed meanwhile
   * @throws IOException if writing fails
   */
  public void write(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      if (channel.write(source) == 0) {
        await(SelectionKey.OP_WRITE, "write");
      }
    }
  }

  /**
   * Returns a buffered stream that writes through {@link #write(ByteBuffer)}; closing it flushes
   * and half-closes the connection ({@code shutdown(SHUT_WR)}), not more.
   *
   * @return a new stream with a buffer of {@value #OUTPUT_BUFFER_BYTES} bytes
   */
  public OutputStream outputStream() {
    return new BufferedOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        StreamConnection.this.write(ByteBuffer.wrap(bytes, offset, length));
      }

      @Override
      public void close() throws IOException {
        shutdownOutput();
      }
    }, OUTPUT_BUFFER_BYTES);
  }

  /**
   * Half-closes the connection: the peer reads end of stream, and can still send.
   *
   * @throws IOException if {@code shutdown(2)} fails
   */
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  /**
   * Returns the underlying channel, for socket options and peer credentials; do not read or write
   * it directly.
   *
   * @return the channel, in non-blocking mode
   */
  public SocketChannel channel() {
    return channel;
  }

  /**
   * Returns the peer's address: a TCP address, or a UNIX-domain address (usually unnamed).
   *
   * @return the address, or null if it cannot be read
   */
  public SocketAddress remoteAddress() {
    try {
      return channel.getRemoteAddress();
    } catch (IOException e) {
      return null;
    }
  }

  /** Closes the connection and wakes a blocked reader or writer; idempotent. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      selector.close();
    }
  }

  private void await(int operation, String what) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    key.interestOps(operation);
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          throw new SocketTimeoutException(what + " timed out after " + timeoutMillis + " ms");
        }
        selector.select(left);
        if (!channel.isOpen()) {
          throw new AsynchronousCloseException();
        }
        if (!selector.selectedKeys().isEmpty()) {
          selector.selectedKeys().clear();
          return;
        }
      }
    } finally {
      if (key.isValid()) {
        key.interestOps(0);
      }
    }
  }
}
