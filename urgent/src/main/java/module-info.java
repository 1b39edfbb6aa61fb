/**
 * TCP urgent data for Java sockets and channels: sending, reading out of band or inline, the
 * urgent mark, and a watcher that calls back when urgent data arrives.
 */
module dev.netkit.urgent {
  requires transitive dev.netkit.jni;
  requires org.slf4j;

  exports dev.netkit.urgent;
}
