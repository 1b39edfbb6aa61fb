/**
 * The one native library of netkit and its loader: what the JDK cannot do with sockets.
 *
 * <ul>
 *   <li>{@link dev.netkit.jni.NativeLibrary}: loads {@code libnetkit.so} from the jar;
 *       {@code isAvailable()}, {@code ensureAvailable()}, {@code unavailabilityCause()}.</li>
 *   <li>{@link dev.netkit.jni.SocketDescriptors}: the descriptor of a JDK {@code Socket},
 *       {@code ServerSocket} or channel; duplicating and closing descriptors.</li>
 *   <li>{@link dev.netkit.jni.UrgentSyscalls}: TCP urgent data ({@code MSG_OOB},
 *       {@code sockatmark}, {@code SO_OOBINLINE}); {@code dev.netkit.urgent} builds on it.</li>
 *   <li>{@link dev.netkit.jni.Poll} and {@link dev.netkit.jni.PollWaker}: {@code poll(2)},
 *       including {@code POLLPRI}, with a way to wake the poller.</li>
 *   <li>{@link dev.netkit.jni.SignalTrap}: {@code SIGINT}/{@code SIGQUIT} as values.</li>
 * </ul>
 *
 * <p>Failed system calls throw {@link java.io.IOException}s naming the call:
 * {@link dev.netkit.jni.NativeSocketException} and its subclasses, or {@code java.net} types
 * where they fit. Linux on x86_64.
 */
package dev.netkit.jni;
