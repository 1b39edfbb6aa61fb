package dev.netkit.unix.wrap;

import dev.netkit.server.Connection;
import dev.netkit.server.ConnectionHandler;
import dev.netkit.server.ConnectionIo;
import dev.netkit.server.GracefulClose;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wrap server's work on one connection, for any stream transport: read text until the client
 * half-closes, refill it with a {@link TextFiller} while it arrives, send the result back and
 * half-close. Memory per connection: a read buffer, a write buffer and the current word.
 *
 * <p>A word longer than the limit ends the answer with a line
 * {@code wrap-server: word length : … (limit: …), input: …}; the rest of the text is read and
 * discarded for a short bounded while ({@link GracefulClose}), so that the client, still
 * sending, can read that line instead of meeting a reset or a broken pipe.
 */
public final class WrapHandler implements ConnectionHandler {

  /** The size of the read buffer. */
  public static final int READ_BUFFER_BYTES = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(WrapHandler.class);

  private final int columns;
  private final int maxWordBytes;

  /**
   * Creates the handler.
   *
   * @param columns the width, as {@link TextFiller#TextFiller(int, int, OutputStream)} takes it
   * @param maxWordBytes the longest word accepted
   * @throws IllegalArgumentException if a limit is out of range
   */
  public WrapHandler(int columns, int maxWordBytes) {
    new TextFiller(columns, maxWordBytes, OutputStream.nullOutputStream());
    this.columns = columns;
    this.maxWordBytes = maxWordBytes;
  }

  /**
   * Serves one client through the connection's timed view ({@link Connection#io()}): a client
   * silent for the idle timeout gets the words decided so far and the end of the stream.
   *
   * @param connection the accepted connection
   * @throws IOException if the connection fails
   */
  @Override
  public void handle(Connection connection) throws IOException {
    ConnectionIo io = connection.io();
    ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    boolean refused = false;
    try (OutputStream out = io.outputStream()) {
      TextFiller filler = new TextFiller(columns, maxWordBytes, out);
      try {
        while (io.read(buffer.clear()) >= 0) {
          filler.write(buffer.flip());
        }
        filler.finish();
      } catch (WordTooLongException e) {
        LOG.warn("wrap: refused text from {}: {}", connection, e.getMessage());
        out.write(("\nwrap-server: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        refused = true;
      }
    }
    if (refused) {
      GracefulClose.afterReply(connection);
    }
  }
}
