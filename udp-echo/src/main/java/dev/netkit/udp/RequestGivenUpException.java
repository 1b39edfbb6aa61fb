package dev.netkit.udp;

import java.net.SocketTimeoutException;

/**
 * A {@link SequencedClient} request got no reply after every try: the future of the request fails
 * with this. The message names the sequence number, the tries and the server, e.g.
 * {@code request 7 to /127.0.0.1:2007: no reply after 5 tries}.
 */
public final class RequestGivenUpException extends SocketTimeoutException {

  private static final long serialVersionUID = 1L;

  private final long sequence;
  private final int tries;

  /**
   * Creates the exception.
   *
   * @param sequence the request's sequence number
   * @param tries how many times it was sent
   * @param server where it was sent
   */
  public RequestGivenUpException(long sequence, int tries, Object server) {
    super("request " + sequence + " to " + server + ": no reply after " + tries + " tries");
    this.sequence = sequence;
    this.tries = tries;
  }

  /**
   * Returns the sequence number of the request given up.
   *
   * @return the sequence number
   */
  public long sequence() {
    return sequence;
  }

  /**
   * Returns how many times the request was sent.
   *
   * @return the number of tries
   */
  public int tries() {
    return tries;
  }
}
