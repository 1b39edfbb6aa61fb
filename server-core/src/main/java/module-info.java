/**
 * What every netkit server shares: configuration, limits per peer, lifecycle and statistics.
 */
module dev.netkit.server {
  requires org.slf4j;

  exports dev.netkit.server;
}
