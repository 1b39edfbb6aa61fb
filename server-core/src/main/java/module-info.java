/**
 * What every netkit server shares: configuration, limits per peer, lifecycle and statistics, and
 * batched datagram I/O ({@code DatagramBatch}, recvmmsg/sendmmsg through {@code dev.netkit.jni}).
 */
module dev.netkit.server {
  requires dev.netkit.codec;
  requires dev.netkit.jni;
  requires org.slf4j;

  exports dev.netkit.server;
}
