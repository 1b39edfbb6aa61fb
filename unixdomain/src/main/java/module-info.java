/**
 * UNIX-domain sockets: streams through the JDK, datagrams and peer credentials through netkit's
 * native library, socket files, and the book's wrap and localtime servers and clients.
 */
module dev.netkit.unix {
  requires transitive dev.netkit.codec;
  requires transitive dev.netkit.jni;
  requires transitive dev.netkit.server;
  requires jdk.net;
  requires org.slf4j;

  exports dev.netkit.unix;
  exports dev.netkit.unix.localtime;
  exports dev.netkit.unix.wrap;
}
