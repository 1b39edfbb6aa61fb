/**
 * UNIX-domain sockets (chapter 22): stream helpers over the JDK channels, datagrams over the
 * netkit native library, safe socket files and peer credentials.
 */
package dev.netkit.unix;
