/**
 * The UDP chat server and client of the book, and broadcast discovery.
 */
module dev.netkit.chat {
  requires transitive dev.netkit.codec;
  requires transitive dev.netkit.server;
  requires org.slf4j;

  exports dev.netkit.chat;
  exports dev.netkit.chat.broadcast;
  exports dev.netkit.chat.client;
  exports dev.netkit.chat.server;
}
