package dev.netkit.udp;

/** {@link DaytimeIT} with one system call per datagram (the path without the native library). */
class PlainDaytimeIT extends DaytimeIT {

  @Override
  boolean batched() {
    return false;
  }
}
