/**
 * netkit's raw system calls, one holder class per concern; not an API. Other netkit modules build
 * their public APIs on them (for example {@code dev.netkit.server.DatagramBatch} on
 * {@link dev.netkit.jni.internal.DatagramBatchSyscalls}).
 */
package dev.netkit.jni.internal;
