package dev.netkit.travesty.protocol;

import java.io.IOException;

/**
 * More bytes arrived than a reader was allowed to take (see
 * {@link UrgentLineReader#limitBytesRead(long)}), whether or not they made lines: an upload over
 * its size, say, or one line that never ends. The message names the count and the limit:
 * {@code bytes read : 2065536 (limit: 2000000)}.
 */
public final class ReadLimitException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates the exception.
   *
   * @param read how many bytes were read
   * @param limit the most allowed
   */
  public ReadLimitException(long read, long limit) {
    super("bytes read : " + read + " (limit: " + limit + ")");
    this.limit = limit;
  }

  /**
   * Returns the limit that was passed.
   *
   * @return the most bytes allowed
   */
  public long limit() {
    return limit;
  }
}
