/**
 * The book's UNIX-domain daytime service (chapter 22): the request and answer format
 * ({@link dev.netkit.unix.localtime.LocaltimeProtocol}), a datagram server that answers with the
 * time in a requested zone, and a client that binds a temporary socket of its own.
 */
package dev.netkit.unix.localtime;
