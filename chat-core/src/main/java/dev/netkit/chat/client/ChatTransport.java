package dev.netkit.chat.client;

import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat client's transport: one UDP socket connected to the server, a thread that receives and
 * decodes its datagrams, and encoding on send. Knows nothing of logins or listeners: frames go to
 * a {@link Receiver}. Thread-safe.
 */
final class ChatTransport implements AutoCloseable {

  /** Takes what the receiving thread reads. */
  interface Receiver {

    /**
     * A frame arrived.
     *
     * @param frame the decoded frame
     */
    void frame(ChatFrame frame);

    /**
     * A datagram did not decode.
     *
     * @param error why, with the input in hex
     */
    void malformed(ProtocolException error);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChatTransport.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final InetSocketAddress server;
  private final ChatFrameCodec codec;
  private final DatagramChannel channel;
  private final Thread receiver;
  private volatile boolean closed;

  private ChatTransport(ChatClientConfig config, DatagramChannel channel, Receiver receiver) {
    this.server = config.server();
    this.codec = new ChatFrameCodec(config.maxDatagramSize());
    this.channel = channel;
    this.receiver = new Thread(() -> receive(receiver), "chat-client-receiver");
    this.receiver.setDaemon(true);
  }

  /**
   * Opens a socket bound as configured and connected to the server, and starts receiving.
   *
   * @param config the server, the local address and the datagram limit
   * @param receiver gets every frame, on the receiving thread
   * @return the transport
   * @throws IOException if the socket cannot be opened, bound or connected
   */
  static ChatTransport open(ChatClientConfig config, Receiver receiver) throws IOException {
    DatagramChannel channel = DatagramChannel.open(
        config.server().getAddress() instanceof Inet6Address
            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    try {
      channel.bind(config.bindAddress().orElse(null));
      channel.connect(config.server());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    ChatTransport transport = new ChatTransport(config, channel, receiver);
    transport.receiver.start();
    return transport;
  }

  /**
   * Encodes and sends a payload.
   *
   * @param payload the payload
   * @throws IOException if sending fails, e.g. {@link PortUnreachableException} when an ICMP
   *     error from an earlier datagram is pending
   * @throws dev.netkit.codec.TooLongFrameException if the frame would exceed the datagram limit
   */
  void send(ChatPayload payload) throws IOException {
    channel.write(ByteBuffer.wrap(codec.encode(payload)));
  }

  /**
   * Returns the socket's own address.
   *
   * @return the local address and port
   * @throws IOException if the socket is closed
   */
  InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private void receive(Receiver target) {
    ByteBuffer buffer = ByteBuffer.allocate(codec.maxDatagramSize() + 1);
    while (!closed) {
      buffer.clear();
      try {
        channel.receive(buffer);
      } catch (PortUnreachableException e) {
        // Nothing listens at the server's port (yet); login retries and the user find out.
        LOG.debug("server {} unreachable", server);
        continue;
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("receiving from {} failed, client stops receiving: {}", server, e.toString());
        }
        return;
      }
      buffer.flip();
      ChatFrame frame;
      try {
        frame = codec.decode(buffer);
      } catch (ProtocolException e) {
        target.malformed(e);
        continue;
      }
      target.frame(frame);
    }
  }

  /** Closes the socket and waits (up to 5 s) for the receiving thread. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing chat client socket: {}", e.toString());
    }
    if (Thread.currentThread() != receiver) {
      try {
        receiver.join(CLOSE_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
