package dev.netkit.multicast;

import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatListener;
import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.chat.ChannelFormat;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SetMcastPort;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multicast chat client (the book's figures 21.9-21.10, with its limitation fixed): a
 * chat-core {@link ChatClient} in the multicast channel form, plus a data socket bound to the
 * multicast port with address reuse. It joins a channel's group on JOIN_ACK, drops it on
 * PART_ACK (and drops every group on a new LOGIN_ACK, as the server forgot the old session),
 * and feeds the channel traffic from the data socket to the same {@link ChatListener} through
 * {@link ChatClient#dispatch}, so a {@link dev.netkit.chat.client.ChatDisplay} prints the same
 * lines as {@code chat-client}.
 *
 * <p>Several clients can run on one host, each binding the data port with address reuse. A data
 * socket receives only the groups it joined (the JDK turns Linux's {@code IP_MULTICAST_ALL}
 * off), and the client also keeps only USER_JOINS, USER_PARTS and PUBLIC_MSG frames of channels
 * it is in, and not notices about itself: channels may share a group (a channel file can say
 * so), and the book's clients, which show whatever arrives on the port, show other channels'
 * traffic then. Other datagrams on the port are ignored (logged at debug level).
 *
 * <p>Two kinds of client, both served by a {@link MulticastFanOut} server: by default the data
 * port is the one SET_MCAST_PORT announces (the socket is rebound, groups joined again, if it
 * changes; 2028 if a JOIN_ACK comes first); with {@link MulticastChatClientConfig#fixedPort()}
 * the port is bound at once and SET_MCAST_PORT is ignored, like the book's client.
 */
public final class MulticastChatClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MulticastChatClient.class);

  private final MulticastChatClientConfig config;
  private final ChatFrameCodec codec;
  /** Lower-case title → group, for the channels this client is in. */
  private final Map<String, InetAddress> channels = new ConcurrentHashMap<>();
  private final Object dataLock = new Object();
  private ChatClient client;
  private NetworkInterface joinInterface;
  private MulticastEndpoint data;
  private Thread dataReceiver;
  private volatile boolean closed;

  private MulticastChatClient(MulticastChatClientConfig config, int maxDatagramSize) {
    this.config = config;
    this.codec = new ChatFrameCodec(maxDatagramSize);
  }

  /**
   * Opens the chat socket (and, with a fixed port, the data socket); nothing is sent yet.
   *
   * @param base the server, timings and limits (the channel form is set to multicast)
   * @param listener gets every event, from the server and from the groups
   * @param config the data port and the interface to join on
   * @return the client, not logged in
   * @throws IOException if a socket cannot be opened or bound
   * @throws IllegalArgumentException if the join interface does not exist or cannot multicast
   */
  public static MulticastChatClient open(ChatClientConfig base, ChatListener listener,
      MulticastChatClientConfig config) throws IOException {
    ChatClientConfig chat = base.toBuilder().channelFormat(ChannelFormat.MULTICAST).build();
    MulticastChatClient result = new MulticastChatClient(config, chat.maxDatagramSize());
    result.joinInterface = config.joinInterface().isPresent()
        ? MulticastInterfaces.byName(config.joinInterface().get())
        : MulticastInterfaces.defaultFor(StandardProtocolFamily.INET);
    if (config.fixedPort().isPresent()) {
      result.bindData(config.fixedPort().getAsInt());
    }
    try {
      result.client = ChatClient.open(chat, result.new Tracker(), listener);
    } catch (IOException | RuntimeException e) {
      result.closeData();
      throw e;
    }
    return result;
  }

  /**
   * Returns the chat client, for logging in and every command.
   *
   * @return the client
   */
  public ChatClient chatClient() {
    return client;
  }

  /**
   * Returns the data port, once bound.
   *
   * @return the port, or empty before SET_MCAST_PORT (or the first JOIN_ACK)
   */
  public OptionalInt dataPort() {
    synchronized (dataLock) {
      try {
        return data == null ? OptionalInt.empty() : OptionalInt.of(data.localAddress().getPort());
      } catch (IOException e) {
        return OptionalInt.empty();
      }
    }
  }

  /**
   * Returns the channels this client is in, as the server's acknowledgements told.
   *
   * @return lower-case titles (a snapshot)
   */
  public Set<String> channels() {
    return Set.copyOf(channels.keySet());
  }

  /**
   * Returns the groups the data socket has joined.
   *
   * @return the memberships, or none before the data socket exists
   */
  public java.util.List<MulticastEndpoint.Membership> memberships() {
    synchronized (dataLock) {
      return data == null ? java.util.List.of() : data.memberships();
    }
  }

  private void bindData(int port) throws IOException {
    synchronized (dataLock) {
      if (data != null && data.localAddress().getPort() == port) {
        return;
      }
      closeData();
      MulticastEndpoint opened = MulticastEndpoint.open(StandardProtocolFamily.INET);
      try {
        opened.bind(port);
        for (InetAddress group : Set.copyOf(channels.values())) {
          opened.join(group, joinInterface);
        }
      } catch (IOException | RuntimeException e) {
        opened.close();
        throw e;
      }
      data = opened;
      dataReceiver = new Thread(() -> receive(opened), "mchat-data-" + port);
      dataReceiver.setDaemon(true);
      dataReceiver.start();
      LOG.debug("data socket bound to port {}", port);
    }
  }

  private void closeData() {
    synchronized (dataLock) {
      if (data != null) {
        try {
          data.close();
        } catch (IOException e) {
          LOG.debug("closing the data socket: {}", e.toString());
        }
        data = null;
      }
    }
  }

  private void receive(MulticastEndpoint endpoint) {
    ByteBuffer buffer = ByteBuffer.allocate(codec.maxDatagramSize() + 1);
    while (!closed) {
      buffer.clear();
      InetSocketAddress sender;
      try {
        sender = endpoint.receive(buffer);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("data socket stops receiving: {}", e.toString());
        }
        return;
      }
      buffer.flip();
      try {
        ChatFrame frame = codec.decode(buffer);
        if (isForMe(frame)) {
          client.dispatch(frame);
        }
      } catch (ProtocolException e) {
        LOG.debug("ignored datagram from {}: {}", sender, e.getMessage());
      }
    }
  }

  /**
   * Keeps channel traffic of the channels this client is in, except notices about this client
   * itself: the unicast server never sends a user its own USER_JOINS or USER_PARTS, but the group
   * may deliver them before the acknowledgement updates the channel set.
   */
  private boolean isForMe(ChatFrame frame) {
    Optional<ChatEvent> event = frame.event();
    if (event.isEmpty()) {
      return false;
    }
    return switch (event.get()) {
      case PUBLIC_MSG -> isIn(PublicMessage.parse(frame.text()).channel());
      case USER_JOINS -> {
        UserJoins notice = UserJoins.parse(frame.text());
        yield isIn(notice.channel()) && !isMe(notice.user());
      }
      case USER_PARTS -> {
        UserParts notice = UserParts.parse(frame.text());
        yield isIn(notice.channel()) && !isMe(notice.user());
      }
      default -> false;
    };
  }

  private boolean isIn(String channel) {
    return channels.containsKey(key(channel));
  }

  private boolean isMe(String user) {
    return client.nickname().filter(user::equals).isPresent();
  }

  private static String key(String title) {
    return title.toLowerCase(Locale.ROOT);
  }

  private void joined(ChannelInfo channel) {
    InetAddress group = groupOf(channel);
    channels.put(key(channel.title()), group);
    try {
      synchronized (dataLock) {
        if (data == null) {
          bindData(MulticastFanOutConfig.DEFAULT_PORT);
        }
        if (!data.isMember(group)) {
          data.join(group, joinInterface);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot join {} for {}: {}", group.getHostAddress(), channel.title(),
          e.toString());
    }
  }

  private void parted(ChannelInfo channel) {
    InetAddress group = groupOf(channel);
    channels.remove(key(channel.title()));
    synchronized (dataLock) {
      if (data != null && !channels.containsValue(group)) {
        data.drop(group);
      }
    }
  }

  private void loggedIn() {
    channels.clear();
    synchronized (dataLock) {
      if (data != null) {
        data.memberships().forEach(m -> data.drop(m.group()));
      }
    }
  }

  private static InetAddress groupOf(ChannelInfo channel) {
    String literal = channel.group().orElseThrow(() -> new IllegalStateException(
        "channel " + channel.title() + " without a group in the multicast form"));
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("a dotted quad always parses: " + literal, e);
    }
  }

  /** Logs off, closes both sockets and stops receiving. Idempotent. */
  @Override
  public void close() {
    closed = true;
    if (client != null) {
      client.close();
    }
    Thread receiver;
    synchronized (dataLock) {
      receiver = dataReceiver;
      closeData();
    }
    if (receiver != null && receiver != Thread.currentThread()) {
      try {
        receiver.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Manages the groups on the acknowledgements; called before the user's listener. */
  private final class Tracker implements ChatListener {

    @Override
    public void onLoginAck(LoginAck ack) {
      loggedIn();
    }

    @Override
    public void onSetMcastPort(SetMcastPort port) {
      if (config.fixedPort().isEmpty()) {
        try {
          bindData(port.port());
        } catch (IOException | RuntimeException e) {
          LOG.warn("cannot bind the data port {}: {}", port.port(), e.toString());
        }
      }
    }

    @Override
    public void onJoinAck(JoinAck ack) {
      joined(ack.channel());
    }

    @Override
    public void onPartAck(PartAck ack) {
      parted(ack.channel());
    }
  }
}
