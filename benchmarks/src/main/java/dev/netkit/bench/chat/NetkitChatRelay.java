package dev.netkit.bench.chat;

import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.server.ReplyRateConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;

/**
 * netkit's {@link ChatServer} (unicast fan-out, quiet, batched or plain): every member logs in and joins Weather;
 * the sender's SEND_PUBLIC comes back to all of them as PUBLIC_MSG.
 */
final class NetkitChatRelay implements Relay {

  private final boolean batched;
  private ChatServer server;

  /**
   * Creates the relay.
   *
   * @param batched whether the server batches its system calls (recvmmsg/sendmmsg)
   */
  NetkitChatRelay(boolean batched) {
    this.batched = batched;
  }

  @Override
  public InetSocketAddress start(List<DatagramChannel> members) throws IOException {
    server = new ChatServer(ChatServerConfig.builder()
        .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .receiveBufferSize(1 << 20).logDatagrams(false).batched(batched)
        // Every member is on 127.0.0.1: the per-address limits would measure themselves, not
        // the fan-out, so they are set far above what the benchmark uses.
        .maxUsersPerAddress(ChatServerConfig.DEFAULT_MAX_USERS)
        .replyRate(ReplyRateConfig.builder().datagramsPerSecond(1e9).bytesPerSecond(1L << 40)
            .build())
        .build()).start();
    InetSocketAddress address = server.localAddress();
    ChatMembers.logInAndJoin(members, address);
    return address;
  }

  @Override
  public CpuTime cpuTime() {
    return CpuTime.ofThreadsNamed("chat-server-");
  }

  @Override
  public byte[] message() {
    return Relay.sendPublic();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  public String toString() {
    return "netkit ChatServer" + (batched ? " (batched)" : " (plain)");
  }
}
