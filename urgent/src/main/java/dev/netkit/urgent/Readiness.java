package dev.netkit.urgent;

/**
 * What one of {@link UrgentSocket}'s waits found. Urgent data comes first: when it is announced
 * together with normal data, the wait reports {@link #URGENT}, since a read then would return
 * data from after the mark.
 */
public enum Readiness {
  /** Urgent data is announced or there ({@code POLLPRI}): read it, or discard to the mark. */
  URGENT,
  /**
   * A read would not block ({@code POLLIN}): normal data is there, or the end of the stream, or
   * an error that the read will report ({@code POLLHUP}, {@code POLLERR}).
   */
  READABLE,
  /**
   * A write would not block ({@code POLLOUT}): the send buffer has room, or the connection
   * failed or was shut down and the write will say so ({@code POLLHUP}, {@code POLLERR}).
   */
  WRITABLE,
  /**
   * While waiting for urgent data only: the peer finished sending ({@code POLLRDHUP}) or the
   * connection failed or ended ({@code POLLHUP}, {@code POLLERR}), and no urgent data is
   * announced; none can come any more.
   */
  ENDED,
  /** The timeout passed first. */
  TIMED_OUT
}
