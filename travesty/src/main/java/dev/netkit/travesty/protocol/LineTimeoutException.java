package dev.netkit.travesty.protocol;

import java.net.SocketTimeoutException;

/**
 * A line was begun but not finished within the reader's line timeout (see
 * {@link UrgentLineReader#setLineTimeout(java.time.Duration)}): a peer trickling bytes to hold a
 * connection open (slowloris), whose bytes keep an idle timeout from ever firing.
 */
public final class LineTimeoutException extends SocketTimeoutException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param millis the line timeout that passed
   */
  public LineTimeoutException(long millis) {
    super("line not completed within " + millis + " ms");
  }
}
