/**
 * netkit's raw system calls and descriptor access, one class per concern over the JNI entry
 * points of {@link dev.netkit.jni.internal.Natives}: {@link dev.netkit.jni.internal.SocketDescriptors},
 * {@link dev.netkit.jni.internal.UrgentSyscalls}, {@link dev.netkit.jni.internal.Poll},
 * {@link dev.netkit.jni.internal.PollWaker}, {@link dev.netkit.jni.internal.SignalTrap} and
 * {@link dev.netkit.jni.internal.UnixDatagramSyscalls}; and
 * {@link dev.netkit.jni.internal.DatagramBatchSyscalls} (recvmmsg/sendmmsg), which declares its
 * own natives.
 *
 * <p><b>Not API.</b> The module {@code dev.netkit.jni} exports this package only to netkit's own
 * modules ({@code dev.netkit.urgent}, {@code dev.netkit.unix}, {@code dev.netkit.udp},
 * {@code dev.netkit.server}); it may change in any release. Applications use
 * {@code dev.netkit.urgent}, {@code dev.netkit.unix} and {@code dev.netkit.server.DatagramBatch}.
 * Every call first checks {@link dev.netkit.jni.NativeLibrary#ensureAvailable()}, so without the
 * library it fails with {@link dev.netkit.jni.NativeLibraryUnavailableException}, naming why.
 */
package dev.netkit.jni.internal;
