package dev.netkit.chat.server;

/**
 * A snapshot of a {@link ChatServer}'s state and counters since it started, as its loop last
 * published them (after every batch of datagrams and every timer run).
 *
 * @param users logged-in users
 * @param channelsInUse channels with at least one member
 * @param rateLimitSources source addresses the ERROR rate limiter remembers
 * @param datagramsReceived datagrams received, good or bad
 * @param datagramsDropped datagrams ignored without a reply: shorter than the 2-byte code, or
 *     over the size limit from an address that is not logged in
 * @param errorsSent ERROR replies sent
 * @param errorsRateLimited ERROR replies to unknown addresses held back by the rate limit
 * @param sendFailures datagrams not sent (full socket buffer, refused destination, frame over
 *     the size limit) and socket errors reported on receive (ICMP port unreachable)
 * @param autoLogouts users logged out for silence
 * @param refusedSources datagrams ignored because they came from a well-known service port
 *     (below 1024) or from the server's own port
 * @param repliesRateLimited datagrams not sent because their destination address had used up
 *     its response budget ({@link ChatServerConfig#replyRate()})
 */
public record ChatServerStats(int users, int channelsInUse, int rateLimitSources,
    long datagramsReceived, long datagramsDropped, long errorsSent, long errorsRateLimited,
    long sendFailures, long autoLogouts, long refusedSources, long repliesRateLimited) {

  static final ChatServerStats EMPTY = new ChatServerStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
