package dev.netkit.chat.client;

import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.TooLongFrameException;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.ListChannels;
import dev.netkit.codec.chat.ListUsers;
import dev.netkit.codec.chat.PartRequest;
import dev.netkit.codec.chat.SendPrivate;
import dev.netkit.codec.chat.SendPublic;
import dev.netkit.codec.chat.StillHere;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.Optional;
import java.util.function.IntConsumer;

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
 * server's own frames.
 *
 * <p>The session (login, nickname, keep-alive) is a {@code ChatSession}'s, the socket and the
 * receiving thread a {@code ChatTransport}'s; this class joins them and the listeners. Thread-safe.
 */
public final class ChatClient implements AutoCloseable {

  private final ChatClientConfig config;
  private final ChatEventDispatcher dispatcher;
  /** Serializes listener calls: frames from the server and from {@link #dispatch}. */
  private final Object dispatchLock = new Object();
  private final ChatSession session;
  private ChatTransport transport;

  private ChatClient(ChatClientConfig config, ChatListener... listeners) {
    this.config = config;
    this.dispatcher = new ChatEventDispatcher(config.channelFormat(), listeners);
    this.session = new ChatSession(config, this::write);
  }

  /**
   * Opens a socket connected to the server and starts receiving; nothing is sent yet.
   *
   * @param config the server and the timings
   * @param listeners get every event from the server, each in turn, in the order given
   * @return the client, not logged in
   * @throws IOException if the socket cannot be opened, bound or connected
   */
  public static ChatClient open(ChatClientConfig config, ChatListener... listeners)
      throws IOException {
    ChatClient client = new ChatClient(config, listeners);
    try {
      client.transport = ChatTransport.open(config, client.new Receiver());
    } catch (IOException | RuntimeException e) {
      client.session.close();
      throw e;
    }
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
    return session.login(nickname, onAttempt);
  }

  /**
   * Sends LOGOFF (with the nickname, as the book) and stops the keep-alive; the server parts
   * every channel. Does nothing when not logged in.
   *
   * @throws IOException if sending fails or the client is closed
   */
  public void logoff() throws IOException {
    session.logoff();
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
    session.ensureOpen();
    write(payload);
  }

  private void write(ChatPayload payload) throws IOException {
    transport.send(payload);
  }

  /**
   * Delivers a frame received elsewhere — the multicast client's group socket — to the listener,
   * exactly as if the server had sent it, serialized with the server's frames.
   *
   * @param frame the frame
   */
  public void dispatch(ChatFrame frame) {
    synchronized (dispatchLock) {
      session.onServerPayload(dispatcher.dispatch(frame));
    }
  }

  /** Takes what the transport's receiving thread reads. */
  private final class Receiver implements ChatTransport.Receiver {

    @Override
    public void frame(ChatFrame frame) {
      dispatch(frame);
    }

    @Override
    public void malformed(ProtocolException error) {
      synchronized (dispatchLock) {
        dispatcher.unexpected(error.getMessage());
      }
    }
  }

  /**
   * Returns the nickname while logged in.
   *
   * @return the nickname, or empty
   */
  public Optional<String> nickname() {
    return session.nickname();
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
    return transport.localAddress();
  }

  /**
   * Sends LOGOFF if logged in, stops the keep-alive and the receiving thread, closes the socket.
   * Idempotent.
   */
  @Override
  public void close() {
    session.close();
    transport.close();
  }
}
