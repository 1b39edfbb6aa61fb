package dev.netkit.udp;

/**
 * What a {@link FaultyProxy} has done since it started, both directions together.
 *
 * @param received datagrams received (from clients and from the target)
 * @param forwarded datagrams sent on (duplicates counted twice)
 * @param dropped datagrams dropped on purpose (the loss probability)
 * @param duplicated datagrams sent twice
 * @param reordered datagram copies held back so that later ones overtake them
 * @param overflow datagram copies dropped because the delay queue was full, in total or for the
 *     client IP address they belong to (by count or by bytes)
 * @param sendErrors datagrams the OS refused to send on
 * @param refusedSources datagrams from clients dropped unrelayed because their source port is
 *     a well-known service port (below 1024) or the proxy's own
 * @param upstreamFailures datagrams from a new client dropped because no upstream socket could
 *     be opened for it (out of descriptors, for instance)
 * @param relayFailures datagrams dropped because relaying them failed unexpectedly (an exception
 *     other than a send error; the relay goes on)
 * @param repliesRateLimited datagram copies held back, unsent, because the client address they
 *     were going to had used up its budget ({@link FaultyProxyConfig#replyRate()})
 */
public record FaultyProxyStats(long received, long forwarded, long dropped, long duplicated,
    long reordered, long overflow, long sendErrors, long refusedSources, long upstreamFailures,
    long relayFailures, long repliesRateLimited) {
}
