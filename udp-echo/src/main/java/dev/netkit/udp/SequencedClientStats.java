package dev.netkit.udp;

import java.time.Duration;

/**
 * What a {@link SequencedClient} has done since it opened.
 *
 * @param sent requests sent for the first time
 * @param retransmitted retransmissions (sends after the first)
 * @param answered requests answered
 * @param duplicates replies discarded because their request was no longer pending
 * @param outOfOrder replies to a request sent before the request answered last
 * @param givenUp requests given up after the last try
 * @param malformed replies discarded because they were not sequence frames
 * @param sendErrors sends the OS refused (counted as lost: the timer retransmits)
 * @param rttSamples round-trip samples taken (Karn's rule: only requests sent once)
 * @param rttP50 median of the latest samples ({@link Duration#ZERO} with none)
 * @param rttP90 90th percentile of the latest samples
 * @param rttP99 99th percentile of the latest samples
 * @param rttMax largest of the latest samples
 * @param srtt the smoothed round-trip time ({@link Duration#ZERO} before the first sample)
 * @param rto the current retransmission timeout
 */
public record SequencedClientStats(long sent, long retransmitted, long answered,
    long duplicates, long outOfOrder, long givenUp, long malformed, long sendErrors,
    long rttSamples, Duration rttP50, Duration rttP90, Duration rttP99, Duration rttMax,
    Duration srtt, Duration rto) {
}
