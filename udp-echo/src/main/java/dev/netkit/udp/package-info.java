/**
 * UDP request/response (chapter 18 of the book): the reverse-echo server
 * ({@link dev.netkit.udp.ReverseEchoServer}, optionally flaky) and the daytime server
 * ({@link dev.netkit.udp.DaytimeServer}); clients with timeouts and retries
 * ({@link dev.netkit.udp.EchoClient}), for many daytime hosts at once
 * ({@link dev.netkit.udp.DaytimeClient}), and with sequence numbers and adaptive retransmission
 * ({@link dev.netkit.udp.SequencedClient}, {@link dev.netkit.udp.RtoEstimator}); and a
 * fault-injecting relay ({@link dev.netkit.udp.FaultyProxy}).
 *
 * <p>Bytes and text: text is sent as UTF-8; received bytes are read as UTF-8 when valid and as
 * ISO-8859-1 (one char per byte, nothing lost) otherwise. For ASCII this is byte-for-byte what the
 * book's Perl programs do, so netkit and Perl clients and servers interoperate.
 */
package dev.netkit.udp;
