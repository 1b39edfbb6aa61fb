package dev.netkit.urgent;

import java.io.IOException;

/**
 * {@link UrgentSocket#discardToMark(int)} read more than its limit without reaching the urgent
 * mark. The bytes read so far are consumed from the stream.
 */
public class UrgentMarkTooFarException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param maxBytes the limit that was exceeded
   */
  public UrgentMarkTooFarException(int maxBytes) {
    super("urgent mark not reached within maxBytes " + maxBytes
        + " (use discardToMark(OutputStream) to discard without a limit)");
  }
}
