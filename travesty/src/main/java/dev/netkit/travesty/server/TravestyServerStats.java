package dev.netkit.travesty.server;

import dev.netkit.server.StreamServerStats;

/**
 * A snapshot of a {@link TravestyServer}'s counters.
 *
 * @param connections the sessions: running now, accepted, refused with {@code 421}, closed for
 *     idleness, failed
 * @param reservedWords the words all models together hold, as reserved against
 *     {@link TravestyServerConfig#maxTotalWords()} (in steps of 65,536 per model)
 */
public record TravestyServerStats(StreamServerStats connections, long reservedWords) {
}
