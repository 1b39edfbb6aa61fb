package dev.netkit.udp;

/**
 * What a UDP server has done since it started.
 *
 * @param received datagrams received
 * @param replies reply datagrams sent (a flaky server sends 0-3 per request)
 * @param oversize datagrams dropped because they exceeded the size limit
 * @param rejected datagrams dropped because the handler failed on them
 * @param sendErrors replies the operating system refused to send
 * @param refusedSources datagrams left unanswered because they came from a well-known service
 *     port (below 1024) or from the server's own port ({@link dev.netkit.server.ReplyPolicy})
 * @param repliesRateLimited replies held back because their destination address had used up its
 *     reply budget ({@link dev.netkit.server.ReplyRateConfig})
 */
public record DatagramServerStats(long received, long replies, long oversize, long rejected,
    long sendErrors, long refusedSources, long repliesRateLimited) {

  /** A server that has done nothing yet. */
  public static final DatagramServerStats NONE = new DatagramServerStats(0, 0, 0, 0, 0, 0, 0);

  /**
   * Adds up the stats of two servers (or of the sockets of one): each count is the sum.
   *
   * @param other the other stats
   * @return the sum
   */
  public DatagramServerStats plus(DatagramServerStats other) {
    return new DatagramServerStats(received + other.received, replies + other.replies,
        oversize + other.oversize, rejected + other.rejected, sendErrors + other.sendErrors,
        refusedSources + other.refusedSources, repliesRateLimited + other.repliesRateLimited);
  }
}
