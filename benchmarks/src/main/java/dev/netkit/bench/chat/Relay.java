package dev.netkit.bench.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
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
   * Opens one member's receiving socket: by default bound to a free loopback port.
   *
   * @return the socket, blocking
   */
  default DatagramChannel openMember() throws IOException {
    DatagramChannel member = DatagramChannel.open();
    member.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
    return member.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /**
   * Returns the socket the sender sends from (after {@link #start}): by default the first
   * member's.
   *
   * @param members the member sockets
   * @return the sending socket
   */
  default DatagramChannel sender(List<DatagramChannel> members) {
    return members.get(0);
  }

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
