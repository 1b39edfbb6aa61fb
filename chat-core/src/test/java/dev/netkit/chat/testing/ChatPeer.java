package dev.netkit.chat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.chat.ChatErrors;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.LoginRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A raw chat peer for tests: a UDP socket on a loopback address that sends payloads or arbitrary
 * bytes to a server and reads frames back with a time limit. {@link #sync()} is a barrier: it
 * sends a code no server implements and returns every frame that arrived before the answer, so a
 * test can assert exactly what a peer got (nothing more) without sleeping — the server handles
 * datagrams one at a time, in arrival order.
 */
public final class ChatPeer implements AutoCloseable {

  /** How long a receive waits before the test fails. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  /** A code no server implements, used as the barrier of {@link #sync()}. */
  public static final int MARKER_CODE = 999;

  private static final ChatFrameCodec CODEC = new ChatFrameCodec(DatagramSize.MAX_UDP_PAYLOAD);

  private final DatagramChannel channel;
  private final InetSocketAddress server;

  private ChatPeer(DatagramChannel channel, InetSocketAddress server) {
    this.channel = channel;
    this.server = server;
  }

  /**
   * Opens a peer on 127.0.0.1.
   *
   * @param server the server
   * @return the peer
   */
  public static ChatPeer open(InetSocketAddress server) {
    return open(server, "127.0.0.1");
  }

  /**
   * Opens a peer on a given loopback address (Linux routes all of 127.0.0.0/8 to lo), so that
   * per-source limits can be tested with several sources.
   *
   * @param server the server
   * @param loopbackAddress e.g. {@code 127.0.0.7}
   * @return the peer
   */
  public static ChatPeer open(InetSocketAddress server, String loopbackAddress) {
    try {
      DatagramChannel channel = DatagramChannel.open();
      channel.bind(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0));
      return new ChatPeer(channel, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the peer's address, its session key on the server.
   *
   * @return the local address
   */
  public InetSocketAddress address() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a payload.
   *
   * @param payload the payload
   */
  public void send(ChatPayload payload) {
    sendRaw(CODEC.encode(payload));
  }

  /**
   * Sends a frame with any code and a text payload.
   *
   * @param code the event code
   * @param text the payload
   */
  public void send(int code, String text) {
    sendRaw(CODEC.encode(ChatFrame.of(code, text.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Sends bytes as one datagram.
   *
   * @param datagram the bytes
   */
  public void sendRaw(byte[] datagram) {
    try {
      channel.send(ByteBuffer.wrap(datagram), server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Receives one frame, failing the test if none comes within {@link #WAIT}.
   *
   * @return the frame
   */
  public ChatFrame receive() {
    ChatFrame frame = receive(WAIT);
    if (frame == null) {
      throw new AssertionError(this + ": no datagram within " + WAIT);
    }
    return frame;
  }

  /**
   * Receives one frame if one comes in time.
   *
   * @param wait how long to wait
   * @return the frame, or null
   */
  public ChatFrame receive(Duration wait) {
    byte[] buffer = new byte[DatagramSize.MAX_UDP_PAYLOAD];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      channel.socket().setSoTimeout((int) Math.max(1, wait.toMillis()));
      channel.socket().receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CODEC.decode(Arrays.copyOf(buffer, packet.getLength()));
  }

  /**
   * Reads whatever has already arrived, without waiting.
   *
   * @return the frames queued at the socket
   */
  public List<ChatFrame> drain() {
    List<ChatFrame> frames = new ArrayList<>();
    for (ChatFrame frame = receive(Duration.ofMillis(1)); frame != null;
        frame = receive(Duration.ofMillis(1))) {
      frames.add(frame);
    }
    return frames;
  }

  /**
   * The barrier: sends {@link #MARKER_CODE} and collects frames until the server's
   * {@code unimplemented event code} answer (for a logged-in peer).
   *
   * @return the frames that arrived before the answer, in order
   */
  public List<ChatFrame> sync() {
    send(MARKER_CODE, "");
    ChatFrame marker = new ErrorMessage(ChatErrors.UNIMPLEMENTED_EVENT_CODE).toFrame();
    List<ChatFrame> before = new ArrayList<>();
    for (ChatFrame frame = receive(); !frame.equals(marker); frame = receive()) {
      before.add(frame);
    }
    return before;
  }

  /**
   * Asserts that nothing arrived apart from what the barrier returns.
   */
  public void assertNothingElse() {
    assertThat(sync()).as(this + " got more").isEmpty();
  }

  /**
   * Logs in and checks the LOGIN_ACK.
   *
   * @param nickname the nickname
   * @return this peer
   */
  public ChatPeer login(String nickname) {
    send(new LoginRequest(nickname));
    assertThat(receive()).isEqualTo(new LoginAck(nickname).toFrame());
    return this;
  }

  /**
   * Joins a channel and checks that the answer is a JOIN_ACK (whatever its count).
   *
   * @param title the channel's title
   * @return this peer
   */
  public ChatPeer join(String title) {
    send(new JoinRequest(title));
    assertThat(receive().event()).as(this + " joining " + title).contains(ChatEvent.JOIN_ACK);
    return this;
  }

  /**
   * Receives one frame and checks that it is exactly this payload.
   *
   * @param expected the payload expected next
   */
  public void expect(ChatPayload expected) {
    assertThat(receive()).as(this + " next frame").isEqualTo(expected.toFrame());
  }

  /**
   * Receives one frame and checks that it is ERROR with this text.
   *
   * @param text the error text
   */
  public void expectError(String text) {
    expect(new ErrorMessage(text));
  }

  /**
   * Sends a payload and checks that the answer is ERROR with this text.
   *
   * @param payload the payload
   * @param error the error text expected back
   */
  public void sendAndExpectError(ChatPayload payload, String error) {
    sendAndExpect(payload, new ErrorMessage(error));
  }

  /**
   * Sends a payload and checks that the next frame received is exactly this reply.
   *
   * @param payload the payload
   * @param reply the payload expected next
   */
  public void sendAndExpect(ChatPayload payload, ChatPayload reply) {
    send(payload);
    expect(reply);
  }

  /**
   * Sends a frame with any code and a text payload and checks that the answer is ERROR with
   * this text.
   *
   * @param code the event code
   * @param text the payload
   * @param error the error text expected back
   */
  public void sendAndExpectError(int code, String text, String error) {
    send(code, text);
    expectError(error);
  }

  /**
   * Sends bytes as one datagram and checks that the answer is ERROR with this text.
   *
   * @param datagram the bytes
   * @param error the error text expected back
   */
  public void sendRawAndExpectError(byte[] datagram, String error) {
    sendRaw(datagram);
    expectError(error);
  }

  /**
   * Receives one frame of the given event and returns its text.
   *
   * @param event the event expected next
   * @return its payload text
   */
  public String expectText(ChatEvent event) {
    ChatFrame frame = receive();
    assertThat(frame.event()).as(frame.toString()).contains(event);
    return frame.text();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "peer " + address();
  }
}
