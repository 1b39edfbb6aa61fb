package dev.netkit.multicast;

import dev.netkit.chat.ChannelDefinition;
import dev.netkit.chat.server.ChannelView;
import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.chat.server.UserView;
import dev.netkit.chat.server.FanOut;
import dev.netkit.chat.server.Outbox;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.SetMcastPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out of chapter 21's multicast chat server (figures 21.6-21.8), plugged into chat-core's
 * unchanged {@link ChatServer}: USER_JOINS, USER_PARTS and PUBLIC_MSG go out once, to the
 * channel's group ({@link ChannelDefinition#group()}) on the multicast data port; JOIN_ACK,
 * PART_ACK and CHANNEL_ITEM carry the group ({@code title count group description}); and
 * SET_MCAST_PORT follows LOGIN_ACK, telling clients which port to bind.
 *
 * <pre>
 *   ChatServer server = MulticastFanOut.server(ChatServerConfig.defaults(),
 *       MulticastFanOutConfig.defaults()).start();
 * </pre>
 *
 * <p>Sends from its own IPv4 socket (time to live, loopback and outgoing interface from the
 * {@link MulticastFanOutConfig}); loopback stays on so that clients on the server's host hear
 * their channels.
 * A failed send is logged, never thrown: one bad moment must not stop the server.
 */
public final class MulticastFanOut implements FanOut {

  private static final Logger LOG = LoggerFactory.getLogger(MulticastFanOut.class);

  private final MulticastFanOutConfig config;
  private final MulticastEndpoint endpoint;

  /**
   * Opens the sending socket.
   *
   * @param config port, time to live, outgoing interface
   * @throws UncheckedIOException if the socket cannot be opened or configured (the server's
   *     {@link ChatServerConfig#newFanOut()} cannot throw checked exceptions)
   * @throws IllegalArgumentException if the outgoing interface does not exist or cannot
   *     multicast
   */
  public MulticastFanOut(MulticastFanOutConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    try {
      this.endpoint = open(config);
    } catch (IOException e) {
      throw new UncheckedIOException("multicast fan-out socket: " + e.getMessage(), e);
    }
  }

  private static MulticastEndpoint open(MulticastFanOutConfig config) throws IOException {
    return MulticastEndpoint.sender(MulticastEndpoint.open(StandardProtocolFamily.INET),
        config.timeToLive(), config.outgoingInterface());
  }

  /**
   * Builds a chat server with this fan-out: {@code base} with its fan-out replaced.
   *
   * @param base the rest of the server's configuration (its channels must all have a group)
   * @param multicast the multicast settings
   * @return the server, not started
   * @throws IllegalArgumentException if a channel has no multicast group
   */
  public static ChatServer server(ChatServerConfig base, MulticastFanOutConfig multicast) {
    ChatServerConfig config =
        base.toBuilder().fanOut(() -> new MulticastFanOut(multicast)).build();
    checkGroups(config.channels());
    return new ChatServer(config);
  }

  /**
   * Checks that every channel has a group, as the multicast chat needs.
   *
   * @param channels the channels
   * @throws IllegalArgumentException naming the first channel without a group
   */
  public static void checkGroups(List<ChannelDefinition> channels) {
    channels.stream().filter(c -> c.group().isEmpty()).findFirst().ifPresent(c -> {
      throw new IllegalArgumentException("channel " + c.title()
          + " has no multicast group (expected: one per channel for the multicast chat)");
    });
  }

  /**
   * Sends the frame once, to the channel's group on the data port.
   *
   * @param channel the channel
   * @param datagram the encoded frame (position left unchanged)
   * @param outbox not used: nothing goes to members one by one
   * @throws IllegalStateException if the channel has no group
   */
  @Override
  public void deliver(ChannelView channel, ByteBuffer datagram, Outbox outbox) {
    InetSocketAddress target = new InetSocketAddress(group(channel), config.port());
    try {
      endpoint.send(datagram.duplicate(), target);
    } catch (IOException e) {
      LOG.warn("{} not sent to {}:{}: {}", channel.title(),
          target.getAddress().getHostAddress(), target.getPort(), e.toString());
    }
  }

  /**
   * Describes the channel with its group.
   *
   * @param channel the channel
   * @return {@code title count group description}
   * @throws IllegalStateException if the channel has no group
   */
  @Override
  public ChannelInfo describe(ChannelView channel) {
    return ChannelInfo.multicast(channel.title(), channel.memberCount(),
        group(channel).getHostAddress(), channel.definition().description());
  }

  /**
   * Tells the new user the data port.
   *
   * @param user the user
   * @return one SET_MCAST_PORT
   */
  @Override
  public List<ChatPayload> afterLogin(UserView user) {
    return List.of(new SetMcastPort(config.port()));
  }

  private static java.net.InetAddress group(ChannelView channel) {
    return channel.definition().group().orElseThrow(() -> new IllegalStateException(
        "channel " + channel.title() + " has no multicast group"));
  }

  /**
   * Returns the sending socket's address.
   *
   * @return the address and port channel traffic comes from
   * @throws IOException if closed
   */
  public InetSocketAddress localAddress() throws IOException {
    return endpoint.localAddress();
  }

  /** Closes the sending socket. */
  @Override
  public void close() {
    try {
      endpoint.close();
    } catch (IOException e) {
      LOG.debug("closing the multicast fan-out socket: {}", e.toString());
    }
  }
}
