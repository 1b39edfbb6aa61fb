/**
 * The travesty server ({@link dev.netkit.travesty.server.TravestyServer}), figure 17.6 of the
 * book: one thread and one Markov model per client, urgent-data abort of uploads and
 * generations, and a named limit for everything a client can send
 * ({@link dev.netkit.travesty.server.TravestyServerConfig}). Accepting, the client limit
 * ({@code 421}), the idle timeout and closing are netkit's stream server core
 * ({@link dev.netkit.server.StreamServer}), configured by the
 * {@link dev.netkit.server.StreamServerConfig} that the server's configuration holds
 * ({@code connections()}); this package adds the protocol.
 */
package dev.netkit.travesty.server;
