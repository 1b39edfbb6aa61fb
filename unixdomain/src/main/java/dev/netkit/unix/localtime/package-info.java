/**
 * The book's UNIX-domain daytime service (chapter 22): a datagram server that answers with the
 * time in a requested zone, and a client that binds a temporary socket of its own. The request
 * and answer format is the codec's {@link dev.netkit.codec.localtime.LocaltimeCodec}.
 */
package dev.netkit.unix.localtime;
