package dev.netkit.bench.chat;

import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SendPublic;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.List;

/** Something that relays a sender's datagram to every member of one group: the thing measured. */
interface Relay extends AutoCloseable {

  /** The text of every message, the same for every relay. */
  String TEXT = "the quick brown fox jumps over the lazy dog";

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
   * Returns the CPU time the relay has used so far (after {@link #start}).
   *
   * @return user and system time, or null if the relay cannot tell
   */
  default CpuTime cpuTime() {
    return null;
  }

  /**
   * Returns the datagram the sender sends once per message.
   *
   * @return the bytes
   */
  byte[] message();

  /**
   * What a chat server's sender sends: SEND_PUBLIC with the one text of every relay.
   *
   * @return the datagram
   */
  static byte[] sendPublic() {
    return new ChatFrameCodec().encode(new SendPublic(TEXT));
  }

  /**
   * What a plain relay (no chat logic) forwards unchanged: the PUBLIC_MSG a chat server's
   * members get for {@link #sendPublic()}, so every member receives the same bytes.
   *
   * @return the datagram
   */
  static byte[] publicMessage() {
    return new ChatFrameCodec().encode(new PublicMessage("Weather", "m0", TEXT));
  }

  /** Stops the relay. */
  @Override
  void close() throws IOException, InterruptedException;
}
