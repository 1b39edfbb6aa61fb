package dev.netkit.chat.client;

import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.LoginRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted stand-in for a chat server: records every frame, answers LOGIN_REQ with LOGIN_ACK
 * (unless told to ignore some), and sends whatever a test asks to the last client heard.
 */
final class FakeServer implements AutoCloseable {

  private static final ChatFrameCodec CODEC = new ChatFrameCodec(DatagramSize.MAX_UDP_PAYLOAD);

  private final DatagramChannel channel;
  private final Thread thread;
  private final List<ChatFrame> frames = new ArrayList<>();
  private volatile SocketAddress client;
  private int loginsToIgnore;

  FakeServer() throws IOException {
    channel = DatagramChannel.open()
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "fake-chat-server");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  synchronized void ignoreNext(int logins) {
    loginsToIgnore = logins;
  }

  synchronized List<ChatFrame> frames() {
    return List.copyOf(frames);
  }

  synchronized long received(ChatEvent event) {
    return frames.stream().filter(frame -> frame.is(event)).count();
  }

  void send(ChatPayload payload) throws IOException {
    sendRaw(CODEC.encode(payload));
  }

  void sendRaw(byte[] datagram) throws IOException {
    channel.send(ByteBuffer.wrap(datagram), client);
  }

  private void serve() {
    ByteBuffer buffer = ByteBuffer.allocate(DatagramSize.MAX_UDP_PAYLOAD);
    while (true) {
      buffer.clear();
      try {
        client = channel.receive(buffer);
        ChatFrame frame = CODEC.decode(buffer.flip());
        if (record(frame)) {
          send(new LoginAck(LoginRequest.parse(frame.text()).nick()));
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Records a frame; true if it is a LOGIN_REQ to answer. */
  private synchronized boolean record(ChatFrame frame) {
    frames.add(frame);
    if (!frame.is(ChatEvent.LOGIN_REQ)) {
      return false;
    }
    return loginsToIgnore-- <= 0;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
