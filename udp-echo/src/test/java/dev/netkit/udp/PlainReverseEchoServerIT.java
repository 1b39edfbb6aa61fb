package dev.netkit.udp;

/** {@link ReverseEchoServerIT} with one system call per datagram (the path without the native library). */
class PlainReverseEchoServerIT extends ReverseEchoServerIT {

  @Override
  boolean batched() {
    return false;
  }
}
