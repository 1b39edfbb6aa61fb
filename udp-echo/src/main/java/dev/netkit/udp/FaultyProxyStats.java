package dev.netkit.udp;

/**
 * What a {@link FaultyProxy} has done since it started, both directions together.
 *
 * @param received datagrams received (from clients and from the target)
 * @param forwarded datagrams sent on (duplicates counted twice)
 * @param dropped datagrams dropped on purpose (the loss probability)
 * @param duplicated datagrams sent twice
 * @param reordered datagram copies held back so that later ones overtake them
 * @param overflow datagrams dropped because the delay queue was full (by count or by bytes)
 * @param sendErrors datagrams the OS refused to send on
 * @param upstreamFailures datagrams from a new client dropped because no upstream socket could
 *     be opened for it (out of descriptors, for instance)
 * @param relayFailures datagrams dropped because relaying them failed unexpectedly (an exception
 *     other than a send error; the relay goes on)
 */
public record FaultyProxyStats(long received, long forwarded, long dropped, long duplicated,
    long reordered, long overflow, long sendErrors, long upstreamFailures, long relayFailures) {
}
