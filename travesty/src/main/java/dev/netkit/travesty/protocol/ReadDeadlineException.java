package dev.netkit.travesty.protocol;

import java.net.SocketTimeoutException;

/**
 * The reader's deadline passed (see {@link UrgentLineReader#setDeadline(long)}): a whole exchange,
 * such as an upload, took longer than allowed, however steadily its lines arrived.
 */
public final class ReadDeadlineException extends SocketTimeoutException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ReadDeadlineException() {
    super("deadline passed");
  }
}
