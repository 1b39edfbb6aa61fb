package dev.netkit.bench.chat;

import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.LoginRequest;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;

/** Sets up a chat server's members for a run: each socket logs in as {@code mN} and joins Weather. */
final class ChatMembers {

  private static final ChatFrameCodec CODEC = new ChatFrameCodec();
  private static final int SETUP_TIMEOUT_MILLIS = 5_000;

  private ChatMembers() {
  }

  /**
   * Logs every socket in (as {@code m0}, {@code m1}, …) and joins it to Weather, one at a time.
   *
   * @param sockets blocking sockets, bound
   * @param server the chat server
   * @throws IOException if a reply does not come within 5 s
   */
  static void logInAndJoin(List<DatagramChannel> sockets, InetSocketAddress server)
      throws IOException {
    for (int i = 0; i < sockets.size(); i++) {
      DatagramChannel socket = sockets.get(i);
      request(socket, server, CODEC.encode(new LoginRequest("m" + i)), ChatEvent.LOGIN_ACK);
      request(socket, server, CODEC.encode(new JoinRequest("Weather")), ChatEvent.JOIN_ACK);
    }
  }

  /** Sends a request and reads (skipping notices) until its acknowledgement. */
  private static void request(DatagramChannel member, InetSocketAddress server, byte[] request,
      ChatEvent ack) throws IOException {
    member.send(ByteBuffer.wrap(request), server);
    member.socket().setSoTimeout(SETUP_TIMEOUT_MILLIS);
    byte[] buffer = new byte[2048];
    while (true) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      member.socket().receive(packet);
      ChatFrame frame = CODEC.decode(buffer, 0, packet.getLength());
      if (frame.is(ack)) {
        return;
      }
    }
  }
}
