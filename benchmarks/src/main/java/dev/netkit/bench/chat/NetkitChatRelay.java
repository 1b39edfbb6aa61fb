package dev.netkit.bench.chat;

import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.LoginRequest;
import dev.netkit.server.ReplyRateConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;

/**
 * netkit's {@link ChatServer} (unicast fan-out, quiet, batched or plain): every member logs in and joins Weather;
 * the sender's SEND_PUBLIC comes back to all of them as PUBLIC_MSG.
 */
final class NetkitChatRelay implements Relay {

  private static final ChatFrameCodec CODEC = new ChatFrameCodec();
  private static final int SETUP_TIMEOUT_MILLIS = 5_000;

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
        .receiveBufferSize(1 << 20).quiet(true).batched(batched)
        // Every member is on 127.0.0.1: the per-address limits would measure themselves, not
        // the fan-out, so they are set far above what the benchmark uses.
        .maxUsersPerAddress(ChatServerConfig.DEFAULT_MAX_USERS)
        .replyRate(ReplyRateConfig.builder().datagramsPerSecond(1e9).bytesPerSecond(1L << 40)
            .build())
        .build()).start();
    InetSocketAddress address = server.localAddress();
    for (int i = 0; i < members.size(); i++) {
      DatagramChannel member = members.get(i);
      request(member, address, CODEC.encode(new LoginRequest("m" + i)), ChatEvent.LOGIN_ACK);
      request(member, address, CODEC.encode(new JoinRequest("Weather")), ChatEvent.JOIN_ACK);
    }
    return address;
  }

  /** Sends a request and reads (skipping notices) until its acknowledgement. */
  static void request(DatagramChannel member, InetSocketAddress server, byte[] request,
      ChatEvent ack) throws IOException {
    member.send(ByteBuffer.wrap(request), server);
    member.socket().setSoTimeout(SETUP_TIMEOUT_MILLIS);
    byte[] buffer = new byte[2048];
    while (true) {
      java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
      member.socket().receive(packet);
      ChatFrame frame = CODEC.decode(buffer, 0, packet.getLength());
      if (frame.is(ack)) {
        return;
      }
    }
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
