package dev.netkit.chat.client;

import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.TooLongFrameException;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.ListChannels;
import dev.netkit.codec.chat.ListUsers;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.LoginRequest;
import dev.netkit.codec.chat.Logoff;
import dev.netkit.codec.chat.PartRequest;
import dev.netkit.codec.chat.SendPrivate;
import dev.netkit.codec.chat.SendPublic;
import dev.netkit.codec.chat.StillHere;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the book's chat server: one UDP socket connected to the server, a thread that
 * receives the server's events and hands them to a {@link ChatListener}, login with retries,
 * a method per command, STILL_HERE every {@link ChatClientConfig#keepAliveInterval()} while
 * logged in, and LOGOFF on {@link #close()}.
 *
 * <pre>
 *   try (ChatClient client = ChatClient.open(config, listener)) {
 *     client.login("lincoln");          // LOGIN_REQ up to 5 times, 6 s apart
 *     client.join("Weather");           // the answer (JOIN_ACK) arrives at the listener
 *     client.sendPublic("rain again");
 *   }                                   // LOGOFF
 * </pre>
 *
 * <p>Commands only send; answers and notices arrive asynchronously at the listener, as in the
 * book's client. Extension points for the multicast client of chapter 21: parse channel payloads
 * in the {@link dev.netkit.codec.chat.ChannelFormat#MULTICAST} form
 * ({@link ChatClientConfig.Builder#channelFormat}), join and drop groups in a listener's
 * {@link ChatListener#onJoinAck} / {@link ChatListener#onPartAck} (and open the data socket on
 * {@link ChatListener#onSetMcastPort}), and feed frames received on the multicast socket to
 * {@link #dispatch(ChatFrame)}, which delivers them to the same listener, serialized with the
 * server's own frames. Thread-safe.
 */
public final class ChatClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final Object CLOSED = new Object();

  private final ChatClientConfig config;
  private final ChatFrameCodec codec;
  private final DatagramChannel channel;
  private final ChatListener listener;
  private final ChatEventDispatcher dispatcher;
  private final Object dispatchLock = new Object();
  /** Held for a whole login, so that logins do not overlap. */
  private final Object loginLock = new Object();
  /** Guards the session state: nickname, keep-alive task, closed. */
  private final Object stateLock = new Object();
  /** LOGIN_ACK or ERROR payloads while a login waits, or {@link #CLOSED} to wake it. */
  private final BlockingQueue<Object> loginReplies = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService keepAlive;
  private final Thread receiver;
  private volatile boolean loggingIn;
  private volatile String nickname;
  private volatile boolean closed;
  private ScheduledFuture<?> keepAliveTask;

  private ChatClient(ChatClientConfig config, ChatListener listener, DatagramChannel channel) {
    this.config = config;
    this.codec = new ChatFrameCodec(config.maxDatagramSize());
    this.channel = channel;
    this.listener = listener;
    this.dispatcher = new ChatEventDispatcher(config.channelFormat(), listener);
    this.keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "chat-client-keepalive");
      thread.setDaemon(true);
      return thread;
    });
    this.receiver = new Thread(this::receive, "chat-client-receiver");
    this.receiver.setDaemon(true);
  }

  /**
   * Opens a socket connected to the server and starts receiving; nothing is sent yet.
   *
   * @param config the server and the timings
   * @param listener gets every event from the server
   * @return the client, not logged in
   * @throws IOException if the socket cannot be opened, bound or connected
   */
  public static ChatClient open(ChatClientConfig config, ChatListener listener)
      throws IOException {
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
    ChatClient client = new ChatClient(config, listener, channel);
    client.receiver.start();
    return client;
  }

  /**
   * Logs in: sends LOGIN_REQ up to {@link ChatClientConfig#loginTries()} times, each waiting up
   * to {@link ChatClientConfig#loginRetryInterval()} for LOGIN_ACK or ERROR (which the listener
   * sees too). After success STILL_HERE goes out every keep-alive interval. Logged in already,
   * it sends LOGOFF first, as the book's {@code /login}.
   *
   * @param nickname the nickname to ask for
   * @return the nickname granted
   * @throws LoginRefusedException if the server answered ERROR (nickname in use, invalid, full)
   * @throws LoginTimeoutException if no try got an answer
   * @throws IOException if sending fails otherwise, or the client is closed
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalArgumentException if {@code nickname} is empty or has a space
   */
  public String login(String nickname) throws IOException, InterruptedException {
    return login(nickname, attempt -> { });
  }

  /**
   * Logs in like {@link #login(String)}, reporting each try (the book prints
   * {@code trying to log in (N)...}).
   *
   * @param nickname the nickname to ask for
   * @param onAttempt called with 1, 2, … before each LOGIN_REQ
   * @return the nickname granted
   * @throws LoginRefusedException if the server answered ERROR
   * @throws LoginTimeoutException if no try got an answer
   * @throws IOException if sending fails otherwise, or the client is closed
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalArgumentException if {@code nickname} is empty or has a space
   */
  public String login(String nickname, IntConsumer onAttempt)
      throws IOException, InterruptedException {
    LoginRequest request = new LoginRequest(nickname);
    synchronized (loginLock) {
      ensureOpen();
      if (this.nickname != null) {
        logoff();
      }
      loginReplies.clear();
      loggingIn = true;
      try {
        for (int attempt = 1; attempt <= config.loginTries(); attempt++) {
          onAttempt.accept(attempt);
          trySend(request);
          Object reply = loginReplies.poll(config.loginRetryInterval().toNanos(),
              TimeUnit.NANOSECONDS);
          if (reply == CLOSED) {
            throw new ClosedChannelException();
          }
          if (reply instanceof LoginAck ack) {
            loggedIn(ack.nick());
            return ack.nick();
          }
          if (reply instanceof ErrorMessage error) {
            throw new LoginRefusedException(error.message());
          }
        }
      } finally {
        loggingIn = false;
      }
      throw new LoginTimeoutException("no answer from " + config.server() + " to "
          + config.loginTries() + " LOGIN_REQ tries " + config.loginRetryInterval().toMillis()
          + " ms apart");
    }
  }

  /** A try whose datagram cannot leave (ICMP port unreachable pending) counts as lost. */
  private void trySend(ChatPayload payload) throws IOException {
    try {
      write(payload);
    } catch (PortUnreachableException e) {
      LOG.debug("{} not sent, server port unreachable", payload.event());
    }
  }

  private void loggedIn(String granted) {
    synchronized (stateLock) {
      nickname = granted;
      if (keepAliveTask == null) {
        long every = config.keepAliveInterval().toNanos();
        keepAliveTask = keepAlive.scheduleAtFixedRate(this::sendStillHere, every, every,
            TimeUnit.NANOSECONDS);
      }
    }
  }

  private void sendStillHere() {
    try {
      write(new StillHere());
    } catch (IOException e) {
      LOG.debug("STILL_HERE not sent: {}", e.toString());
    }
  }

  /**
   * Sends LOGOFF (with the nickname, as the book) and stops the keep-alive; the server parts
   * every channel. Does nothing when not logged in.
   *
   * @throws IOException if sending fails or the client is closed
   */
  public void logoff() throws IOException {
    synchronized (stateLock) {
      String current = nickname;
      if (current == null) {
        return;
      }
      nickname = null;
      if (keepAliveTask != null) {
        keepAliveTask.cancel(false);
        keepAliveTask = null;
      }
      send(new Logoff(Optional.of(current)));
    }
  }

  /**
   * Sends JOIN_REQ: join a channel, or make it current if already in it.
   *
   * @param title the channel title (any case)
   * @throws IOException if sending fails or the client is closed
   * @throws IllegalArgumentException if {@code title} is empty or has a space
   */
  public void join(String title) throws IOException {
    send(new JoinRequest(title));
  }

  /**
   * Sends PART_REQ without a title: leave the current channel.
   *
   * @throws IOException if sending fails or the client is closed
   */
  public void part() throws IOException {
    send(PartRequest.currentChannel());
  }

  /**
   * Sends PART_REQ: leave a channel.
   *
   * @param title the channel title (any case)
   * @throws IOException if sending fails or the client is closed
   * @throws IllegalArgumentException if {@code title} is empty or has a space
   */
  public void part(String title) throws IOException {
    send(PartRequest.of(title));
  }

  /**
   * Sends LIST_CHANNELS; CHANNEL_ITEMs follow.
   *
   * @throws IOException if sending fails or the client is closed
   */
  public void listChannels() throws IOException {
    send(new ListChannels());
  }

  /**
   * Sends LIST_USERS; USER_ITEMs for the current channel follow.
   *
   * @throws IOException if sending fails or the client is closed
   */
  public void listUsers() throws IOException {
    send(new ListUsers());
  }

  /**
   * Sends SEND_PUBLIC: a message to the current channel.
   *
   * @param text the message
   * @throws IOException if sending fails or the client is closed
   * @throws TooLongFrameException if the frame would exceed the datagram limit
   */
  public void sendPublic(String text) throws IOException {
    send(new SendPublic(text));
  }

  /**
   * Sends SEND_PRIVATE: a message to one user.
   *
   * @param recipient the recipient's nickname (empty makes the server answer
   *     {@code no nickname given for recipient of private message})
   * @param text the message
   * @throws IOException if sending fails or the client is closed
   * @throws TooLongFrameException if the frame would exceed the datagram limit
   * @throws IllegalArgumentException if {@code recipient} has a space
   */
  public void sendPrivate(String recipient, String text) throws IOException {
    send(new SendPrivate(recipient, text));
  }

  /**
   * Sends one STILL_HERE now (the keep-alive sends them by itself).
   *
   * @throws IOException if sending fails or the client is closed
   */
  public void stillHere() throws IOException {
    send(new StillHere());
  }

  /**
   * Sends any payload to the server.
   *
   * @param payload the payload
   * @throws IOException if sending fails (e.g. {@link PortUnreachableException} when an ICMP
   *     error from an earlier datagram is pending) or the client is closed
   * @throws TooLongFrameException if the frame would exceed the datagram limit
   */
  public void send(ChatPayload payload) throws IOException {
    ensureOpen();
    write(payload);
  }

  private void write(ChatPayload payload) throws IOException {
    channel.write(ByteBuffer.wrap(codec.encode(payload)));
  }

  /**
   * Delivers a frame received elsewhere — the multicast client's group socket — to the listener,
   * exactly as if the server had sent it, serialized with the server's frames.
   *
   * @param frame the frame
   */
  public void dispatch(ChatFrame frame) {
    synchronized (dispatchLock) {
      ChatPayload payload = dispatcher.dispatch(frame);
      if (loggingIn && (payload instanceof LoginAck || payload instanceof ErrorMessage)) {
        loginReplies.offer(payload);
      }
    }
  }

  private void receive() {
    ByteBuffer buffer = ByteBuffer.allocate(config.maxDatagramSize() + 1);
    while (!closed) {
      buffer.clear();
      try {
        channel.receive(buffer);
      } catch (PortUnreachableException e) {
        // Nothing listens at the server's port (yet); login retries and the user find out.
        LOG.debug("server {} unreachable", config.server());
        continue;
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("receiving from {} failed, client stops receiving: {}", config.server(),
              e.toString());
        }
        return;
      }
      buffer.flip();
      ChatFrame frame;
      try {
        frame = codec.decode(buffer);
      } catch (ProtocolException e) {
        synchronized (dispatchLock) {
          listener.onUnexpected(e.getMessage());
        }
        continue;
      }
      dispatch(frame);
    }
  }

  /**
   * Returns the nickname while logged in.
   *
   * @return the nickname, or empty
   */
  public Optional<String> nickname() {
    return Optional.ofNullable(nickname);
  }

  /**
   * Returns the server this client talks to.
   *
   * @return its address and port
   */
  public InetSocketAddress serverAddress() {
    return config.server();
  }

  /**
   * Returns the client's own address, the key of its session on the server.
   *
   * @return the local address and port
   * @throws IOException if the socket is closed
   */
  public InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
  }

  /**
   * Sends LOGOFF if logged in, stops the keep-alive and the receiving thread, closes the socket.
   * Idempotent.
   */
  @Override
  public void close() {
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      String current = nickname;
      if (current != null) {
        try {
          write(new Logoff(Optional.of(current)));
        } catch (IOException e) {
          LOG.debug("LOGOFF not sent: {}", e.toString());
        }
      }
      nickname = null;
      closed = true;
    }
    loginReplies.offer(CLOSED);
    keepAlive.shutdownNow();
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
