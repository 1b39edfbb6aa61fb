package dev.netkit.bench.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: the least a Java fan-out can do — one thread, a blocking socket, receive into a
 * direct buffer, send it to each member address. No parsing, no tables, no selector: the
 * difference to {@link NetkitChatRelay} is what the chat server's logic costs.
 */
final class JavaUnicastRelay implements Relay {

  private DatagramChannel channel;
  private Thread thread;

  @Override
  public InetSocketAddress start(List<DatagramChannel> members) throws IOException {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (DatagramChannel member : members) {
      addresses.add((InetSocketAddress) member.getLocalAddress());
    }
    InetSocketAddress[] targets = addresses.toArray(new InetSocketAddress[0]);
    channel = DatagramChannel.open();
    channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(() -> relay(targets), "java-relay");
    thread.setDaemon(true);
    thread.start();
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private void relay(InetSocketAddress[] targets) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(1025);
    try {
      while (true) {
        buffer.clear();
        channel.receive(buffer);
        buffer.flip();
        for (InetSocketAddress target : targets) {
          channel.send(buffer, target);
          buffer.rewind();
        }
      }
    } catch (IOException e) {
      // Closed: the run is over.
    }
  }

  @Override
  public CpuTime cpuTime() {
    return CpuTime.ofThreadsNamed("java-relay");
  }

  @Override
  public byte[] message() {
    return Relay.publicMessage();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    channel.close();
    thread.join(5_000);
  }

  @Override
  public String toString() {
    return "Java recv+sendto relay";
  }
}
