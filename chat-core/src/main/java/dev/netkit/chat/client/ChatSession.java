package dev.netkit.chat.client;

import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.LoginRequest;
import dev.netkit.codec.chat.Logoff;
import dev.netkit.codec.chat.StillHere;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.channels.ClosedChannelException;
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
 * A chat client's session, without sockets: login with retries, the nickname while logged in,
 * STILL_HERE on a timer while logged in, LOGOFF on {@link #logoff()} and {@link #close()}. It
 * sends through a {@link Sender} and learns the server's answers from
 * {@link #onServerPayload}.
 *
 * <pre>
 *   LOGGED_OUT --login()--&gt; LOGGING_IN --LOGIN_ACK--&gt; LOGGED_IN --logoff()--&gt; LOGGED_OUT
 *                           LOGGING_IN --ERROR, or no answer to any try--&gt; LOGGED_OUT
 *   login() while LOGGED_IN sends LOGOFF first; close() from any state --&gt; CLOSED
 * </pre>
 *
 * <p>Thread-safe: logins do not overlap, and answers may arrive on any thread.
 */
final class ChatSession implements AutoCloseable {

  /** Where the session is. */
  enum State {
    /** Not logged in (also after a refused or unanswered login). */
    LOGGED_OUT,
    /** A login waits for LOGIN_ACK or ERROR. */
    LOGGING_IN,
    /** Logged in: a nickname, STILL_HERE on a timer. */
    LOGGED_IN,
    /** Closed: nothing more is sent. */
    CLOSED
  }

  /** Sends a payload to the server. */
  @FunctionalInterface
  interface Sender {

    /**
     * Sends a payload.
     *
     * @param payload the payload
     * @throws IOException if it cannot be sent
     */
    void send(ChatPayload payload) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChatSession.class);
  private static final Object CLOSED = new Object();

  private final ChatClientConfig config;
  private final Sender sender;
  /** Held for a whole login, so that logins do not overlap. */
  private final Object loginLock = new Object();
  /** Guards the nickname, the keep-alive task and closing. */
  private final Object stateLock = new Object();
  /** LOGIN_ACK or ERROR payloads while a login waits, or {@link #CLOSED} to wake it. */
  private final BlockingQueue<Object> loginReplies = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService keepAlive;
  private volatile boolean loggingIn;
  private volatile String nickname;
  private volatile boolean closed;
  private ScheduledFuture<?> keepAliveTask;

  /**
   * Creates a session that is not logged in.
   *
   * @param config the login tries and the keep-alive interval
   * @param sender sends to the server
   */
  ChatSession(ChatClientConfig config, Sender sender) {
    this.config = config;
    this.sender = sender;
    this.keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "chat-client-keepalive");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Logs in; see {@link ChatClient#login(String, IntConsumer)}.
   *
   * @param nick the nickname to ask for
   * @param onAttempt called with 1, 2, … before each LOGIN_REQ
   * @return the nickname granted
   * @throws LoginRefusedException if the server answered ERROR
   * @throws LoginTimeoutException if no try got an answer
   * @throws IOException if sending fails otherwise, or the session is closed
   * @throws InterruptedException if interrupted while waiting
   */
  String login(String nick, IntConsumer onAttempt) throws IOException, InterruptedException {
    LoginRequest request = new LoginRequest(nick);
    synchronized (loginLock) {
      ensureOpen();
      if (nickname != null) {
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
      sender.send(payload);
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
      sender.send(new StillHere());
    } catch (IOException e) {
      LOG.debug("STILL_HERE not sent: {}", e.toString());
    }
  }

  /**
   * Takes a payload the server sent: a waiting login takes LOGIN_ACK and ERROR.
   *
   * @param payload the payload, or null for a frame that was not a server event
   */
  void onServerPayload(ChatPayload payload) {
    if (loggingIn && (payload instanceof LoginAck || payload instanceof ErrorMessage)) {
      loginReplies.offer(payload);
    }
  }

  /**
   * Sends LOGOFF with the nickname and stops the keep-alive; nothing when not logged in.
   *
   * @throws IOException if sending fails
   */
  void logoff() throws IOException {
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
      sender.send(new Logoff(Optional.of(current)));
    }
  }

  /**
   * Returns the nickname while logged in.
   *
   * @return the nickname, or empty
   */
  Optional<String> nickname() {
    return Optional.ofNullable(nickname);
  }

  /**
   * Returns where the session is.
   *
   * @return the state
   */
  State state() {
    if (closed) {
      return State.CLOSED;
    }
    if (nickname != null) {
      return State.LOGGED_IN;
    }
    return loggingIn ? State.LOGGING_IN : State.LOGGED_OUT;
  }

  /**
   * Fails unless the session is open.
   *
   * @throws ClosedChannelException if it is closed
   */
  void ensureOpen() throws ClosedChannelException {
    if (closed) {
      throw new ClosedChannelException();
    }
  }

  /**
   * Sends LOGOFF if logged in, stops the keep-alive and wakes a waiting login, which fails with
   * {@link ClosedChannelException}. Idempotent.
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
          sender.send(new Logoff(Optional.of(current)));
        } catch (IOException e) {
          LOG.debug("LOGOFF not sent: {}", e.toString());
        }
      }
      nickname = null;
      closed = true;
    }
    loginReplies.offer(CLOSED);
    keepAlive.shutdownNow();
  }
}
