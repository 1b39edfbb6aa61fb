package dev.netkit.multicast;

/**
 * What a {@link TimeBeaconServer} has done since it started.
 *
 * @param sent beacons sent
 * @param sendFailures beacons the OS refused to send (each is logged; the next goes on time)
 */
public record TimeBeaconStats(long sent, long sendFailures) {
}
