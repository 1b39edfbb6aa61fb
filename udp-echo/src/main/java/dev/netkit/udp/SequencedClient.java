package dev.netkit.udp;

import dev.netkit.codec.DatagramText;
import dev.netkit.codec.SequenceFrame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable request/response over UDP with sequence numbers (the book's figure 18.7, grown into a
 * library): each request goes out as a {@link SequenceFrame} {@code N: payload}, and the reply
 * {@code N: ...} completes the future of request {@code N} with its payload.
 *
 * <ul>
 *   <li>Many requests in flight, at most {@link SequencedClientConfig#window()}; more wait in a
 *       queue (at most {@link SequencedClientConfig#maxQueued()}) and go out as replies free the
 *       window.
 *   <li>A pending table keyed by sequence number: a reply whose number is not pending (a
 *       duplicate, or late) is discarded and counted; a reply to a request sent before the one
 *       answered last is counted as out of order and delivered.
 *   <li>Retransmission on an adaptive timer ({@link RtoEstimator}, RFC 6298): round-trip samples
 *       only from requests sent once (Karn's rule), exponential backoff per request, RTO between
 *       {@link RtoConfig#min()} and {@link RtoConfig#max()}.
 *   <li>After {@link SequencedClientConfig#maxTries()} sends (default 5) a request is given
 *       up: its future fails with a {@link RequestGivenUpException}.
 *   <li>No timer runs when nothing is pending: the I/O thread then sleeps in {@code select()}.
 *   <li>Sequence numbers wrap at {@link SequencedClientConfig#sequenceSpace()}, skipping
 *       numbers still pending, so they never collide within the window. A duplicate delayed in
 *       the network for longer than a whole cycle of the space could still be taken for a
 *       reply: keep the space large (the default is 2<sup>63</sup>−1 numbers).
 * </ul>
 *
 * <p>A send the OS refuses (an nftables drop, a full buffer) counts as lost: the timer
 * retransmits. The socket is connected to the server, so only its datagrams are read.
 *
 * <p>The I/O loop is this class; numbering, timers, matching and counting are a
 * {@code RequestTracker}'s, the settings a {@link SequencedClientConfig}'s.
 *
 * <p>Threads: {@link #request(String)} may be called from any thread. One I/O thread per client
 * sends, receives and runs the timers; futures complete and the listener runs on it, so dependent
 * actions ({@code thenAccept}, …) must be quick or use the {@code ...Async} variants.
 */
public final class SequencedClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SequencedClient.class);

  private final InetSocketAddress server;
  private final SequencedClientConfig config;
  private final DatagramChannel channel;
  private final Selector selector;
  private final RequestTracker tracker;
  private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Thread ioThread;
  private volatile boolean closed;

  /** A request waiting for room in the window. */
  private record Queued(String payload, CompletableFuture<String> future) {
  }

  private SequencedClient(InetSocketAddress server, SequencedClientConfig config,
      SequencedClientListener listener, DatagramChannel channel, Selector selector) {
    this.server = server;
    this.config = config;
    this.channel = channel;
    this.selector = selector;
    this.tracker = new RequestTracker(config, server, listener, this::send);
    this.ioThread = new Thread(this::run, "sequenced-client-" + server);
    this.ioThread.setDaemon(true);
  }

  /**
   * Opens a client with the default configuration and no listener.
   *
   * @param server the server's address
   * @return the running client
   * @throws IOException if the socket cannot be opened or connected
   */
  public static SequencedClient open(InetSocketAddress server) throws IOException {
    return open(server, SequencedClientConfig.defaults(), new SequencedClientListener() { });
  }

  /**
   * Opens a client.
   *
   * @param server the server's address
   * @param config window, tries, timer bounds and limits
   * @param listener hears retries, duplicates, out-of-order replies and give-ups
   * @return the running client
   * @throws IOException if the socket cannot be opened or connected
   */
  public static SequencedClient open(InetSocketAddress server, SequencedClientConfig config,
      SequencedClientListener listener) throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(listener, "listener");
    DatagramChannel channel = DatagramChannel.open();
    Selector selector = null;
    try {
      channel.configureBlocking(false);
      channel.connect(server);
      selector = Selector.open();
      channel.register(selector, SelectionKey.OP_READ);
    } catch (IOException e) {
      channel.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
    SequencedClient client = new SequencedClient(server, config, listener, channel, selector);
    client.ioThread.start();
    return client;
  }

  /**
   * Sends a request; the future completes with the reply's payload.
   *
   * @param payload the request text (any text: it is sent as UTF-8 after {@code N: })
   * @return the reply's payload; fails with {@link RequestGivenUpException} after the last try,
   *     with {@link RejectedExecutionException} when {@link SequencedClientConfig#maxQueued()}
   *     requests already wait for the window, with {@link ClosedChannelException} or
   *     {@link AsynchronousCloseException} when the client is or gets closed
   * @throws IllegalArgumentException if the framed request could exceed
   *     {@link SequencedClientConfig#maxDatagram()}
   */
  public CompletableFuture<String> request(String payload) {
    int framed = DatagramText.encode(payload).length + SequenceFrame.MAX_DIGITS + 2;
    if (framed > config.maxDatagram()) {
      throw new IllegalArgumentException("request length : " + framed + " (limit: "
          + config.maxDatagram() + ", with up to " + (SequenceFrame.MAX_DIGITS + 2)
          + " bytes of sequence number)");
    }
    if (closed) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    if (queued.incrementAndGet() > config.maxQueued()) {
      queued.decrementAndGet();
      return CompletableFuture.failedFuture(new RejectedExecutionException(
          "queued requests : " + (config.maxQueued() + 1) + " (limit: " + config.maxQueued()
              + ")"));
    }
    CompletableFuture<String> future = new CompletableFuture<>();
    queue.add(new Queued(payload, future));
    selector.wakeup();
    if (closed) {
      failQueued();
    }
    return future;
  }

  /**
   * Returns the server's address.
   *
   * @return the address requests go to
   */
  public InetSocketAddress server() {
    return server;
  }

  /**
   * Returns the client's configuration.
   *
   * @return the configuration
   */
  public SequencedClientConfig config() {
    return config;
  }

  /**
   * Returns the round-trip estimator, for a look at SRTT, RTTVAR and RTO.
   *
   * @return the estimator
   */
  public RtoEstimator rtoEstimator() {
    return tracker.estimator();
  }

  /**
   * Returns what the client has done so far.
   *
   * @return a snapshot of the counters
   */
  public SequencedClientStats stats() {
    return tracker.stats();
  }

  private void run() {
    ByteBuffer in = ByteBuffer.allocateDirect(config.maxDatagram());
    try {
      while (!closed) {
        Datagrams.drain(channel, in,
            (from, datagram) -> tracker.reply(DatagramText.decode(datagram), System.nanoTime()),
            e -> LOG.debug("{} reported port unreachable; requests stay pending", server));
        tracker.expire(System.nanoTime());
        admitQueued();
        Datagrams.await(selector, tracker.nextDeadline());
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        LOG.error("sequenced client for {} stopped: {}", server, e.toString(), e);
      }
    } finally {
      closed = true;
      tracker.failAll(AsynchronousCloseException::new);
      failQueued();
    }
  }

  private void admitQueued() {
    while (tracker.hasRoom()) {
      Queued next = queue.poll();
      if (next == null) {
        return;
      }
      queued.decrementAndGet();
      if (!next.future().isDone()) {
        tracker.start(next.payload(), next.future(), System.nanoTime());
      }
    }
  }

  private void send(long sequence, byte[] datagram) {
    try {
      channel.write(ByteBuffer.wrap(datagram));
    } catch (ClosedChannelException e) {
      closed = true;
    } catch (IOException e) {
      tracker.sendFailed();
      LOG.debug("send of request {} to {} failed (retransmission will follow): {}", sequence,
          server, e.toString());
    }
  }

  private void failQueued() {
    Queued next;
    while ((next = queue.poll()) != null) {
      queued.decrementAndGet();
      next.future().completeExceptionally(new AsynchronousCloseException());
    }
  }

  /**
   * Stops the client: pending and queued requests fail with
   * {@link AsynchronousCloseException}, the I/O thread ends (waited for up to 5 s), the socket
   * closes. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    if (Thread.currentThread() != ioThread) {
      try {
        ioThread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      selector.close();
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing the client for {} failed: {}", server, e.toString());
    }
    failQueued();
  }
}
