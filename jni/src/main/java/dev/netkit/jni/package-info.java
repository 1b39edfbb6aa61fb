/**
 * The one native library of netkit and its loader: what the JDK cannot do with sockets
 * (receive TCP urgent data, {@code sockatmark}, {@code POLLPRI}, UNIX-domain datagrams).
 */
package dev.netkit.jni;
