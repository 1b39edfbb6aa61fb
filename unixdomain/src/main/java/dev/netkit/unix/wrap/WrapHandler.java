package dev.netkit.unix.wrap;

import dev.netkit.unix.ConnectionHandler;
import dev.netkit.unix.StreamConnection;
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
 * {@code wrap-server: word length : … (limit: …), input: …} and the connection is closed without
 * reading the rest of the text.
 */
public final class WrapHandler implements ConnectionHandler {

  /** The size of the read buffer. */
  public static final int READ_BUFFER_BYTES = 8192;

  private static final Logger log = LoggerFactory.getLogger(WrapHandler.class);

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

  @Override
  public void handle(StreamConnection connection) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    try (OutputStream out = connection.outputStream()) {
      TextFiller filler = new TextFiller(columns, maxWordBytes, out);
      try {
        while (connection.read(buffer.clear()) >= 0) {
          filler.write(buffer.flip());
        }
        filler.finish();
      } catch (WordTooLongException e) {
        log.warn("wrap: refused text from {}: {}", peer(connection), e.getMessage());
        out.write(("\nwrap-server: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static String peer(StreamConnection connection) {
    String address = String.valueOf(connection.remoteAddress());
    return address.isEmpty() ? "a UNIX-domain peer" : address;
  }
}
