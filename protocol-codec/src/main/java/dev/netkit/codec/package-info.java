/**
 * Every wire format netkit speaks, with no I/O: chat frames (2-byte event code + payload, in
 * {@link dev.netkit.codec.chat}), CRLF lines, dot-terminated blocks, {@code NNN text} status
 * replies and {@code N: payload} sequence frames; the text policies they share (strict
 * {@link dev.netkit.codec.Utf8}, {@link dev.netkit.codec.DatagramText}) and the UDP size limit
 * ({@link dev.netkit.codec.DatagramSize}). Decoders take limits and fail with
 * {@link dev.netkit.codec.ProtocolException} subclasses.
 */
package dev.netkit.codec;
