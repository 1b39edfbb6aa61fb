/**
 * Every wire format of netkit, pure (no sockets): chat datagrams, CRLF lines, dot-terminated
 * blocks, status replies, {@code N: payload} sequence frames and ctime dates.
 */
module dev.netkit.codec {
  exports dev.netkit.codec;
  exports dev.netkit.codec.chat;
  exports dev.netkit.codec.localtime;
  exports dev.netkit.codec.text;
  exports dev.netkit.codec.travesty;
}
