package dev.netkit.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Blocking reads and writes on a {@link Connection}, UNIX-domain or TCP alike, that give up when
 * the server interrupts the connection: after the idle timeout or a deadline with a
 * {@link SocketTimeoutException}, when the server closes with an
 * {@link AsynchronousCloseException}. A handler written against this class serves both
 * transports the same way. Every read or write that moves bytes counts as progress.
 *
 * <p>UNIX-domain channels have no {@code SO_TIMEOUT}, so the channel is put in non-blocking mode
 * and waited on with a private {@link Selector}, which an interruption wakes. After an
 * interruption nothing waits any more, but what can be done at once still is: a handler whose
 * read timed out can still flush a short answer. One thread at a time may read, and one at a
 * time may write. Get one with {@link Connection#io()}.
 */
public final class ConnectionIo {

  /** The buffer size of {@link #outputStream()}. */
  public static final int OUTPUT_BUFFER_BYTES = 8192;

  /** How often a wait checks that the channel is still open, in case nobody woke it. */
  private static final long OPEN_CHECK_MILLIS = 1000;

  private final Connection connection;
  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;

  ConnectionIo(Connection connection) throws IOException {
    this.connection = connection;
    this.channel = connection.channel();
    channel.configureBlocking(false);
    this.selector = Selector.open();
    this.key = channel.register(selector, 0);
  }

  /**
   * Reads at least one byte, waiting until the peer sends some or the connection is interrupted.
   *
   * @param target where the bytes go; must have room
   * @return the number of bytes read, or -1 at end of stream
   * @throws SocketTimeoutException when the connection was idle too long or passed its deadline
   * @throws AsynchronousCloseException when the server is closing
   * @throws IOException when reading fails
   * @throws IllegalArgumentException when {@code target} has no room
   */
  public int read(ByteBuffer target) throws IOException {
    if (!target.hasRemaining()) {
      throw new IllegalArgumentException("target has no room");
    }
    int n;
    while ((n = channel.read(target)) == 0) {
      await(SelectionKey.OP_READ, "read");
    }
    if (n > 0) {
      connection.touch();
    }
    return n;
  }

  /**
   * Writes all remaining bytes, waiting whenever the peer's buffer is full.
   *
   * @param source the bytes; fully consumed on return
   * @throws SocketTimeoutException when the connection was idle too long or passed its deadline
   * @throws AsynchronousCloseException when the server is closing
   * @throws IOException when writing fails
   */
  public void write(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      if (channel.write(source) == 0) {
        await(SelectionKey.OP_WRITE, "write");
      } else {
        connection.touch();
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
        ConnectionIo.this.write(ByteBuffer.wrap(bytes, offset, length));
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

  /** Wakes a thread waiting in a read or write; the connection's interruption says why. */
  void wake() {
    selector.wakeup();
  }

  void closeSelector() {
    try {
      selector.close();
    } catch (IOException e) {
      // Closing on the way out: the error changes nothing.
    }
  }

  private void await(int operation, String what) throws IOException {
    key.interestOps(operation);
    try {
      while (true) {
        failIfInterrupted(what);
        if (!channel.isOpen()) {
          throw new ClosedChannelException();
        }
        selector.select(OPEN_CHECK_MILLIS);
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

  private void failIfInterrupted(String what) throws IOException {
    Connection.Interruption why = connection.interruption();
    if (why == null) {
      return;
    }
    switch (why) {
      case IDLE -> throw new SocketTimeoutException(what + " timed out: no progress for "
          + connection.idleTimeoutMillis() + " ms");
      case DEADLINE -> throw new SocketTimeoutException(what + " timed out: deadline passed");
      default -> throw new AsynchronousCloseException();
    }
  }
}
