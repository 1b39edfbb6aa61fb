/**
 * The travesty Markov text generator and its line-protocol server and client, with urgent-data
 * abort.
 */
module dev.netkit.travesty {
  requires transitive dev.netkit.codec;
  requires transitive dev.netkit.server;
  requires transitive dev.netkit.urgent;
  requires org.slf4j;

  exports dev.netkit.travesty;
  exports dev.netkit.travesty.client;
  exports dev.netkit.travesty.server;
  exports dev.netkit.travesty.protocol;
}
