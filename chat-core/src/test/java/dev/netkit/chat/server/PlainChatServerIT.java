package dev.netkit.chat.server;

/** {@link ChatServerIT} with one system call per datagram (the path without the native library). */
class PlainChatServerIT extends ChatServerIT {

  @Override
  boolean batched() {
    return false;
  }
}
