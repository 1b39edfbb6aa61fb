package dev.netkit.server;

/**
 * A snapshot of a {@link StreamServer}'s counters.
 *
 * @param active connections being served now
 * @param accepted connections accepted since start, refused ones included
 * @param refused connections refused over a limit ({@link Refusal})
 * @param interrupted connections interrupted for idleness or a deadline
 * @param failed connections whose handler threw something other than an
 *     {@link java.io.IOException} (an {@link Error} included)
 */
public record StreamServerStats(int active, long accepted, long refused, long interrupted,
    long failed) {
}
