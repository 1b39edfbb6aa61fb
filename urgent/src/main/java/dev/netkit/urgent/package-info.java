/**
 * TCP urgent (out-of-band) data for {@link java.net.Socket} and
 * {@link java.nio.channels.SocketChannel}: send, receive out of band, the urgent mark, inline mode
 * and a watcher thread (the book's SIGURG handler); chapter 17 of <i>Network Programming with Perl</i>.
 */
package dev.netkit.urgent;
