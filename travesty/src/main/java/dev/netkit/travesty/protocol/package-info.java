/**
 * The socket side of the travesty line protocol (the protocol itself, with its exchanges and
 * where the urgent marks go, is {@link dev.netkit.codec.travesty}), shared by
 * {@link dev.netkit.travesty.server.TravestyServer} and
 * {@link dev.netkit.travesty.client.TravestyClient}: the input side of a connection that carries
 * urgent data ({@link dev.netkit.travesty.protocol.UrgentLineReader}).
 */
package dev.netkit.travesty.protocol;
