package dev.netkit.udp;

/**
 * What a UDP server has done since it started.
 *
 * @param received datagrams received
 * @param replies reply datagrams sent (a flaky server sends 0-3 per request)
 * @param oversize datagrams dropped because they exceeded the size limit
 * @param rejected datagrams dropped because the handler failed on them
 * @param sendErrors replies the operating system refused to send
 */
public record DatagramServerStats(long received, long replies, long oversize, long rejected,
    long sendErrors) {
}
