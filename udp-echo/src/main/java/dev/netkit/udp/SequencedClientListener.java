package dev.netkit.udp;

/**
 * Hears what a {@link SequencedClient} does besides completing futures, for programs that report
 * it (the book's client prints these). Every method has an empty default and is called on the
 * client's I/O thread, so it must be quick and must not block.
 */
public interface SequencedClientListener {

  /**
   * A request is being sent again because its timer expired.
   *
   * @param sequence the request's sequence number
   * @param tries how many times it will have been sent, this time included
   */
  default void retrying(long sequence, int tries) {
  }

  /**
   * A reply was discarded because no request with its sequence number is pending: a duplicate,
   * or a late reply to a request already answered or given up.
   *
   * @param sequence the reply's sequence number
   */
  default void duplicate(long sequence) {
  }

  /**
   * A reply answered a request that was sent before the request answered last.
   *
   * @param sequence the reply's sequence number
   */
  default void outOfOrder(long sequence) {
  }

  /**
   * A reply was discarded because it is not a sequence frame.
   *
   * @param text the reply's text
   */
  default void malformed(String text) {
  }

  /**
   * A request was given up after its last try; its future fails with a
   * {@link RequestGivenUpException}.
   *
   * @param sequence the request's sequence number
   * @param tries how many times it was sent
   */
  default void gaveUp(long sequence, int tries) {
  }
}
