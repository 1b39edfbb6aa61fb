package dev.netkit.chat.server;

import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.server.DatagramBatch;
import dev.netkit.server.DatagramBatchStats;
import dev.netkit.server.FirstWarnings;
import dev.netkit.server.ReplyPolicy;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP chat server of chapters 19-20 (the book's {@code chat_server.pl} with keep-alive and
 * auto-logout), speaking its protocol byte for byte: users keyed by client address, channels
 * from a {@link ChatServerConfig}, a dispatch table from event code to handler, notices in the
 * book's order. Fan-out to channel members is a {@link FanOut} strategy ({@link UnicastFanOut}
 * by default), which is all chapter 21's multicast chat replaces.
 *
 * <pre>
 *   try (ChatServer server = new ChatServer(config).start()) {
 *     InetSocketAddress where = server.localAddress();
 *     …
 *   }
 * </pre>
 *
 * <p>One thread serves everything, like the book's: it waits on a selector with a timeout, so
 * that the auto-logout check ({@link ChatServerConfig#checkInterval()}) and the summary line
 * ({@link ChatServerConfig#summaryInterval()}) run even when no datagram arrives. Nothing a peer
 * sends stops it: bad datagrams get an ERROR or are dropped, socket errors (an ICMP port
 * unreachable from a vanished client) are logged and skipped, and an event whose handling fails
 * (with an {@link Error} too) is logged and costs that event only. A datagram from a well-known
 * service port (below 1024) or from the server's own port is ignored, and what goes to one IP
 * address stays within {@link ChatServerConfig#replyRate()}, so that a forged source address
 * gets a bounded flood, not the server's whole output. State lives on that thread only;
 * {@link #stats()} is a snapshot it publishes.
 */
public final class ChatServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
  private final FirstWarnings warnings = new FirstWarnings(LOG);
  /** Datagrams taken per turn at most, so that timers run under a flood too. */
  private static final int MAX_DATAGRAMS_PER_TURN = 256;
  /** Datagrams per system call at most, received or sent. */
  private static final int BATCH_SLOTS = 64;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final ChatServerConfig config;
  private final Counters counters = new Counters();
  private final Object lock = new Object();
  private DatagramChannel channel;
  private DatagramBatch batch;
  private DatagramOutbox outbox;
  private Selector selector;
  private FanOut fanOut;
  private ChatLogic logic;
  private Thread thread;
  private volatile boolean running;
  private volatile InetSocketAddress localAddress;
  private volatile ChatServerStats stats = ChatServerStats.EMPTY;

  /**
   * Creates a server; nothing is bound until {@link #start()}.
   *
   * @param config where to listen, channels, limits
   */
  public ChatServer(ChatServerConfig config) {
    this.config = config;
  }

  /**
   * Binds the socket and starts serving on a thread of its own.
   *
   * @return this server
   * @throws IOException if the socket cannot be opened or bound
   * @throws IllegalStateException if the server was started before
   */
  public ChatServer start() throws IOException {
    synchronized (lock) {
      if (channel != null) {
        throw new IllegalStateException("Server already started");
      }
      InetSocketAddress bind = config.bindAddress();
      channel = DatagramChannel.open(bind.getAddress() instanceof Inet6Address
          ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
      try {
        if (config.receiveBufferSize() > 0) {
          channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferSize());
        }
        channel.bind(bind);
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        // One extra byte tells a datagram that was cut to fit from one that fits exactly.
        batch = DatagramBatch.open(channel, BATCH_SLOTS, config.maxDatagramSize() + 1,
            config.maxDatagramSize(),
            config.batched() ? DatagramBatch.Mode.BATCHED : DatagramBatch.Mode.PLAIN);
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        throw e;
      }
      localAddress = (InetSocketAddress) channel.getLocalAddress();
      fanOut = config.newFanOut();
      ReplyPolicy policy = new ReplyPolicy(localAddress.getPort(), config.replyRate());
      outbox = new DatagramOutbox(batch, new ChatFrameCodec(config.maxDatagramSize()), counters,
          policy);
      logic = new ChatLogic(config, fanOut, outbox, policy, counters);
      running = true;
      thread = new Thread(this::serve, "chat-server-" + localAddress.getPort());
      thread.setDaemon(true);
      thread.start();
      LOG.info("chat server listening on {} with {} channels", localAddress,
          config.channels().size());
      return this;
    }
  }

  /**
   * Returns the bound address.
   *
   * @return the address and actual port
   * @throws IllegalStateException if the server has not been started
   */
  public InetSocketAddress localAddress() {
    InetSocketAddress address = localAddress;
    if (address == null) {
      throw new IllegalStateException("Server not started");
    }
    return address;
  }

  /**
   * Returns what the server's loop last published: table sizes and counters.
   *
   * @return a snapshot
   */
  public ChatServerStats stats() {
    return stats;
  }

  /**
   * Tells whether the serving thread is running.
   *
   * @return true between {@link #start()} and {@link #close()}
   */
  public boolean isRunning() {
    return running;
  }

  /**
   * Waits until the server has closed (for a command-line program's main thread).
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitClosed() throws InterruptedException {
    Thread serving;
    synchronized (lock) {
      serving = thread;
    }
    if (serving != null) {
      serving.join();
    }
  }

  /**
   * Stops serving, waits (up to 10 s) for the thread to finish, and closes the socket and the
   * fan-out. Idempotent. Logged-in users are not told: their clients time out, as in the book.
   */
  @Override
  public void close() {
    Thread serving;
    synchronized (lock) {
      running = false;
      serving = thread;
      if (selector != null) {
        selector.wakeup();
      }
    }
    if (serving != null && serving != Thread.currentThread()) {
      try {
        serving.join(CLOSE_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (lock) {
      closeQuietly();
    }
  }

  private void serve() {
    long checkNanos = config.checkInterval().toNanos();
    long summaryNanos = config.summaryInterval().toNanos();
    long now = System.nanoTime();
    long nextCheck = now + checkNanos;
    long nextSummary = now + summaryNanos;
    Summary summary = new Summary(now);
    try {
      while (running) {
        await(Math.min(nextCheck, nextSummary) - System.nanoTime());
        receiveBatch();
        now = System.nanoTime();
        if (now - nextCheck >= 0) {
          autoLogout(now);
          nextCheck = now + checkNanos;
        }
        // What this turn queued (replies, fan-out copies) leaves before the next wait.
        outbox.flush();
        publishStats();
        if (now - nextSummary >= 0) {
          summary.log(now);
          nextSummary = now + summaryNanos;
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      if (running) {
        LOG.error("chat server on {} stopped: {}", localAddress, e.toString());
      }
    } finally {
      running = false;
      DatagramBatchStats io = batch.stats();
      LOG.info("chat server on {} closed ({} system calls: {} datagrams per receive, {} per send)",
          localAddress, io.batched() ? "batched" : "plain",
          String.format("%.2f", io.receivedPerCall()), String.format("%.2f", io.sentPerCall()));
    }
  }

  private void autoLogout(long now) {
    try {
      logic.autoLogout(now);
    } catch (RuntimeException | Error e) {
      LOG.warn("auto-logout check on {} failed; serving on", localAddress, e);
    }
  }

  private void await(long nanos) throws IOException {
    if (nanos <= 0) {
      selector.selectNow();
    } else {
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
    }
    selector.selectedKeys().clear();
  }

  private void receiveBatch() throws IOException {
    int taken = 0;
    while (taken < MAX_DATAGRAMS_PER_TURN && running) {
      int count;
      try {
        count = batch.receiveQueued();
      } catch (ClosedChannelException e) {
        throw e;
      } catch (IOException e) {
        // An ICMP error (port unreachable from a vanished client) reported on this socket: the
        // datagram that caused it is long gone, and the next receive works again.
        counters.sendFailures++;
        LOG.debug("receive on {} failed: {}", localAddress, e.toString());
        taken++;
        continue;
      }
      if (count == 0) {
        return;
      }
      taken += count;
      for (int i = 0; i < count; i++) {
        InetSocketAddress from = batch.sender(i);
        try {
          logic.onDatagram(from, batch.datagram(i), System.nanoTime());
        } catch (RuntimeException | Error e) {
          // Even an Error (a StackOverflowError, say) costs this event only: the loop goes on.
          warnings.log(e.getClass(), "event from {} failed; serving on", from, e);
        }
      }
    }
  }

  private void publishStats() {
    stats = new ChatServerStats(logic.userCount(), logic.channelsInUse(),
        logic.rateLimitSources(), counters.datagramsReceived, counters.datagramsDropped,
        counters.errorsSent, counters.errorsRateLimited, counters.sendFailures,
        counters.autoLogouts, counters.refusedSources, counters.repliesRateLimited);
  }

  private void closeQuietly() {
    try {
      if (selector != null) {
        selector.close();
      }
      if (batch != null) {
        batch.close();
      } else if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      LOG.debug("closing chat server socket: {}", e.toString());
    }
    if (fanOut != null) {
      fanOut.close();
      fanOut = null;
    }
  }

  /** The minute summary: table sizes now, and what happened since the last summary. */
  private final class Summary {
    private long sinceNanos;
    private ChatServerStats before = ChatServerStats.EMPTY;

    Summary(long nowNanos) {
      this.sinceNanos = nowNanos;
    }

    void log(long nowNanos) {
      ChatServerStats now = stats;
      double seconds = Math.max(1e-9, (nowNanos - sinceNanos) / 1e9);
      long events = now.datagramsReceived() - before.datagramsReceived();
      LOG.info("chat server on {}: {} users, {}/{} channels in use; last {} s: {} events ({}/s), "
              + "{} errors sent, {} rate-limited, {} over budget, {} dropped, {} send failures, "
              + "{} auto-logouts",
          localAddress, now.users(), now.channelsInUse(), logic.channelCount(),
          Math.round(seconds), events, String.format(java.util.Locale.ROOT, "%.1f",
              events / seconds),
          now.errorsSent() - before.errorsSent(),
          now.errorsRateLimited() - before.errorsRateLimited(),
          now.repliesRateLimited() - before.repliesRateLimited(),
          now.datagramsDropped() - before.datagramsDropped(),
          now.sendFailures() - before.sendFailures(), now.autoLogouts() - before.autoLogouts());
      sinceNanos = nowNanos;
      before = now;
    }
  }
}
