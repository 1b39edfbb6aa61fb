/**
 * The request and answer format of the book's UNIX-domain daytime ("localtime") service
 * (chapter 22): {@link dev.netkit.codec.localtime.LocaltimeCodec}. Pure, no sockets.
 */
package dev.netkit.codec.localtime;
