/**
 * Multicast sockets, the time-of-day beacon and multicast chat.
 */
module dev.netkit.multicast {
  requires transitive dev.netkit.chat;
  requires transitive dev.netkit.codec;
  requires org.slf4j;

  exports dev.netkit.multicast;
}
