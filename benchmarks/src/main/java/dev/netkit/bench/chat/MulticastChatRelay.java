package dev.netkit.bench.chat;

import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.multicast.MulticastFanOut;
import dev.netkit.multicast.MulticastFanOutConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * netkit's {@link ChatServer} with the {@link MulticastFanOut} (quiet, time to live 0, sending by
 * the loopback interface): each member has a control socket that logs in and joins Weather, and
 * a data socket bound to the data port (address reuse) that joined Weather's group on loopback.
 * The sender's SEND_PUBLIC goes out once, to the group; the kernel copies it to every data
 * socket. Needs a loopback with the MULTICAST flag: run only inside {@link McastFanOutBench}'s
 * namespace.
 */
final class MulticastChatRelay implements Relay {

  private static final int DATA_PORT = 2028;
  private static final String WEATHER_GROUP = "225.1.0.2";

  private final List<DatagramChannel> controls = new ArrayList<>();
  private ChatServer server;

  @Override
  public DatagramChannel openMember() throws IOException {
    DatagramChannel member = DatagramChannel.open(StandardProtocolFamily.INET);
    member.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    member.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
    member.bind(new InetSocketAddress(DATA_PORT));
    member.join(InetAddress.getByName(WEATHER_GROUP), NetworkInterface.getByName("lo"));
    return member;
  }

  @Override
  public InetSocketAddress start(List<DatagramChannel> members) throws IOException {
    MulticastFanOutConfig settings = MulticastFanOutConfig.builder().port(DATA_PORT)
        .timeToLive(0).outgoingInterface("lo").build();
    server = MulticastFanOut.server(ChatServerConfig.builder()
        .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .receiveBufferSize(1 << 20).logDatagrams(false)
        .maxUsersPerAddress(ChatServerConfig.DEFAULT_MAX_USERS) // every member on 127.0.0.1
        .build(), settings).start();
    InetSocketAddress address = server.localAddress();
    for (int i = 0; i < members.size(); i++) {
      DatagramChannel control = DatagramChannel.open(StandardProtocolFamily.INET);
      controls.add(control);
      control.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }
    ChatMembers.logInAndJoin(controls, address);
    return address;
  }

  @Override
  public CpuTime cpuTime() {
    return CpuTime.ofThreadsNamed("chat-server-");
  }

  @Override
  public DatagramChannel sender(List<DatagramChannel> members) {
    return controls.get(0);
  }

  @Override
  public byte[] message() {
    return Relay.sendPublic();
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
    for (DatagramChannel control : controls) {
      control.close();
    }
  }

  @Override
  public String toString() {
    return "netkit ChatServer + MulticastFanOut";
  }
}
