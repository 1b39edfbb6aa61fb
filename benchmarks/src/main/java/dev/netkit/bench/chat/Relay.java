package dev.netkit.bench.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;

/** Something that relays a sender's datagram to every member of one group: the thing measured. */
interface Relay extends AutoCloseable {

  /**
   * Starts relaying to the members.
   *
   * @param members the member sockets, in delivery order; the first one is the sender
   * @return where the sender sends
   */
  InetSocketAddress start(List<DatagramChannel> members) throws IOException, InterruptedException;

  /**
   * Returns the datagram the sender sends once per message.
   *
   * @return the bytes
   */
  byte[] message();

  /** Stops the relay. */
  @Override
  void close() throws IOException, InterruptedException;
}
