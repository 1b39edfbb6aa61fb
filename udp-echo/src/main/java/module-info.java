/**
 * UDP echo, daytime and sequenced clients and servers, and a fault-injecting proxy.
 */
module dev.netkit.udp {
  requires transitive dev.netkit.codec;
  requires transitive dev.netkit.server;
  requires org.slf4j;

  exports dev.netkit.udp;
}
