package dev.netkit.server;

/**
 * What a {@link DatagramBatch} has moved so far, and in how many system calls.
 *
 * @param batched whether it uses recvmmsg/sendmmsg (else one call per datagram)
 * @param receiveCalls receive calls that returned datagrams
 * @param received datagrams received
 * @param sendCalls flushes that had datagrams to send
 * @param sent datagrams sent
 * @param sendFailures datagrams the operating system refused to send
 */
public record DatagramBatchStats(boolean batched, long receiveCalls, long received,
    long sendCalls, long sent, long sendFailures) {

  /** Nothing moved yet, one call per datagram: the stats of a batch not yet open. */
  public static final DatagramBatchStats NONE = new DatagramBatchStats(false, 0, 0, 0, 0, 0);

  /**
   * Adds up the stats of two batches (e.g. the sockets of one server): each count is the sum,
   * and the sum is batched if either is.
   *
   * @param other the other batch's stats
   * @return the sum
   */
  public DatagramBatchStats plus(DatagramBatchStats other) {
    return new DatagramBatchStats(batched || other.batched, receiveCalls + other.receiveCalls,
        received + other.received, sendCalls + other.sendCalls, sent + other.sent,
        sendFailures + other.sendFailures);
  }

  /**
   * Returns the mean datagrams per receive call.
   *
   * @return received / receiveCalls, 0 before the first call
   */
  public double receivedPerCall() {
    return receiveCalls == 0 ? 0 : (double) received / receiveCalls;
  }

  /**
   * Returns the mean datagrams per flush (sent or refused).
   *
   * @return (sent + sendFailures) / sendCalls, 0 before the first flush
   */
  public double sentPerCall() {
    return sendCalls == 0 ? 0 : (double) (sent + sendFailures) / sendCalls;
  }
}
