package dev.netkit.urgent;

import java.io.IOException;

/**
 * What {@link UrgentSocket} needs from a {@code Socket} or a {@code SocketChannel}: its descriptor,
 * its open state, and normal reads through the JDK (so the JDK's own state stays right).
 */
interface Endpoint {

  /** The descriptor, looked up once when the endpoint was made. */
  int descriptor();

  /** Whether the socket or channel was closed. */
  boolean isClosed();

  /** Throws the JDK's exception for a closed socket or channel. */
  void ensureOpen() throws IOException;

  /** Throws when normal reads would not block (a channel switched to non-blocking mode). */
  void ensureBlocking();

  /** One normal read through the JDK; -1 at the end of the stream. Stops at the urgent mark. */
  int read(byte[] buffer, int offset, int length) throws IOException;

  /** The read timeout in milliseconds, 0 for none. */
  int readTimeoutMillis() throws IOException;

  /** The local port, for thread names and logs. */
  int localPort();
}
