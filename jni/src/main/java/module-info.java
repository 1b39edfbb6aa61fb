/**
 * netkit's one native library and its loader. {@code dev.netkit.jni} is the API (the loader and
 * the exception types); the raw system calls and descriptor access in
 * {@code dev.netkit.jni.internal} are exported only to the netkit modules that build on them.
 */
@SuppressWarnings("module") // the netkit modules of the qualified export are compiled later
module dev.netkit.jni {
  requires org.slf4j;

  exports dev.netkit.jni;
  // dev.netkit.server: batched datagram I/O (DatagramBatch, for the UDP and chat servers).
  exports dev.netkit.jni.internal to dev.netkit.urgent, dev.netkit.unix, dev.netkit.server;
}
