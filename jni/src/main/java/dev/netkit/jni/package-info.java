/**
 * The one native library of netkit, {@code libnetkit.so}, and its loader: what the JDK cannot do
 * with sockets (TCP urgent data, {@code poll} with {@code POLLPRI}, the descriptor of a JDK socket,
 * UNIX-domain datagrams and credentials, signals the JVM keeps for itself). Applications normally
 * use it through {@code dev.netkit.urgent} and {@code dev.netkit.unix}; the raw system calls and
 * descriptor access live in {@code dev.netkit.jni.internal}, which the module exports only to
 * netkit's own modules.
 *
 * <p>{@link dev.netkit.jni.NativeLibrary} loads the library for the running platform from the jar
 * (Linux x86_64 and aarch64, glibc 2.17 or later) and says why not elsewhere; code that needs it
 * fails with {@link dev.netkit.jni.NativeLibraryUnavailableException}. Failed system calls throw
 * {@link java.io.IOException}s that name the call: {@link dev.netkit.jni.NativeSocketException}
 * and its subclasses, or {@code java.net} types where they fit.
 */
package dev.netkit.jni;
