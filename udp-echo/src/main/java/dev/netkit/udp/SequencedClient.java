package dev.netkit.udp;

import dev.netkit.codec.SequenceFrame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable request/response over UDP with sequence numbers (the book's figure 18.7, grown into a
 * library): each request goes out as a {@link SequenceFrame} {@code N: payload}, and the reply
 * {@code N: ...} completes the future of request {@code N} with its payload.
 *
 * <ul>
 *   <li>Many requests in flight, at most {@link Config#window()}; more wait in a queue (at most
 *       {@link Config#maxQueued()}) and go out as replies free the window.
 *   <li>A pending table keyed by sequence number: a reply whose number is not pending (a
 *       duplicate, or late) is discarded and counted; a reply to a request sent before the one
 *       answered last is counted as out of order and delivered.
 *   <li>Retransmission on an adaptive timer ({@link RtoEstimator}, RFC 6298): round-trip samples
 *       only from requests sent once (Karn's rule), exponential backoff per request, RTO between
 *       {@link RtoSettings#min()} and {@link RtoSettings#max()}.
 *   <li>After {@link Config#maxTries()} sends (default 5) a request is given up: its future fails
 *       with a {@link RequestGivenUpException}.
 *   <li>No timer runs when nothing is pending: the I/O thread then sleeps in {@code select()}.
 *   <li>Sequence numbers wrap at {@link Config#sequenceSpace()}, skipping numbers still pending,
 *       so they never collide within the window. A duplicate delayed in the network for longer
 *       than a whole cycle of the space could still be taken for a reply: keep the space large
 *       (the default is 2<sup>63</sup>−1 numbers).
 * </ul>
 *
 * <p>A send the OS refuses (an nftables drop, a full buffer) counts as lost: the timer
 * retransmits. The socket is connected to the server, so only its datagrams are read.
 *
 * <p>Threads: {@link #request(String)} may be called from any thread. One I/O thread per client
 * sends, receives and runs the timers; futures complete and the listener runs on it, so dependent
 * actions ({@code thenAccept}, …) must be quick or use the {@code ...Async} variants.
 */
public final class SequencedClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SequencedClient.class);

  private final InetSocketAddress server;
  private final Config config;
  private final SequencedClientListener listener;
  private final DatagramChannel channel;
  private final Selector selector;
  private final RtoEstimator estimator;
  private final RttSamples rttSamples;
  private final PendingTable pending;
  private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Thread ioThread;
  private volatile boolean closed;
  private long nextOrder;
  private long lastAnsweredOrder = -1;
  private volatile long sent;
  private volatile long retransmitted;
  private volatile long answered;
  private volatile long duplicates;
  private volatile long outOfOrder;
  private volatile long givenUp;
  private volatile long malformed;
  private volatile long sendErrors;

  /** A request waiting for room in the window. */
  private record Queued(String payload, CompletableFuture<String> future) {
  }

  private SequencedClient(InetSocketAddress server, Config config,
      SequencedClientListener listener, DatagramChannel channel, Selector selector) {
    this.server = server;
    this.config = config;
    this.listener = listener;
    this.channel = channel;
    this.selector = selector;
    this.estimator = new RtoEstimator(config.rto());
    this.rttSamples = new RttSamples(config.rttSampleCapacity());
    this.pending = new PendingTable(config.sequenceSpace(), config.firstSequence());
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
    return open(server, Config.defaults(), new SequencedClientListener() { });
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
  public static SequencedClient open(InetSocketAddress server, Config config,
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
   *     with {@link RejectedExecutionException} when {@link Config#maxQueued()} requests already
   *     wait for the window, with {@link ClosedChannelException} or
   *     {@link AsynchronousCloseException} when the client is or gets closed
   * @throws IllegalArgumentException if the framed request could exceed
   *     {@link Config#maxDatagram()}
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
  public Config config() {
    return config;
  }

  /**
   * Returns the round-trip estimator, for a look at SRTT, RTTVAR and RTO.
   *
   * @return the estimator
   */
  public RtoEstimator rtoEstimator() {
    return estimator;
  }

  /**
   * Returns what the client has done so far.
   *
   * @return a snapshot of the counters
   */
  public SequencedClientStatistics statistics() {
    Duration[] rtt = rttSamples.percentiles(50, 90, 99, 100);
    return new SequencedClientStatistics(sent, retransmitted, answered, duplicates, outOfOrder,
        givenUp, malformed, sendErrors, rttSamples.count(), rtt[0], rtt[1], rtt[2], rtt[3],
        estimator.srtt().orElse(Duration.ZERO), estimator.rto());
  }

  private void run() {
    ByteBuffer in = ByteBuffer.allocateDirect(config.maxDatagram());
    try {
      while (!closed) {
        receiveAll(in);
        expire(System.nanoTime());
        admitQueued();
        awaitEvents();
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        LOG.error("sequenced client for {} stopped: {}", server, e.toString(), e);
      }
    } finally {
      closed = true;
      pending.removeAll().forEach(entry -> entry.future.completeExceptionally(
          new AsynchronousCloseException()));
      failQueued();
    }
  }

  private void awaitEvents() throws IOException {
    OptionalLong deadline = pending.nextDeadline();
    if (deadline.isEmpty()) {
      selector.select();
    } else {
      long waitNanos = deadline.getAsLong() - System.nanoTime();
      if (waitNanos <= 0) {
        selector.selectNow();
      } else {
        // Round up: waking before the deadline would only cost another select.
        selector.select(TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
      }
    }
    selector.selectedKeys().clear();
  }

  private void admitQueued() {
    while (pending.size() < config.window()) {
      Queued next = queue.poll();
      if (next == null) {
        return;
      }
      queued.decrementAndGet();
      if (next.future().isDone()) {
        continue;
      }
      long sequence = pending.nextSequence();
      byte[] datagram = DatagramText.encode(
          new SequenceFrame(sequence, next.payload()).format());
      PendingTable.Entry entry =
          new PendingTable.Entry(sequence, nextOrder++, datagram, next.future());
      long now = System.nanoTime();
      entry.tries = 1;
      entry.firstSentNanos = now;
      pending.add(entry, now + estimator.retransmissionTimeoutNanos(0));
      sent++;
      send(entry);
    }
  }

  private void expire(long now) {
    PendingTable.Entry entry;
    while ((entry = pending.firstExpired(now)) != null) {
      if (entry.tries >= config.maxTries()) {
        pending.remove(entry.sequence);
        givenUp++;
        listener.gaveUp(entry.sequence, entry.tries);
        entry.future.completeExceptionally(
            new RequestGivenUpException(entry.sequence, entry.tries, server));
      } else {
        entry.tries++;
        retransmitted++;
        listener.retrying(entry.sequence, entry.tries);
        pending.reschedule(entry, now + estimator.retransmissionTimeoutNanos(entry.tries - 1));
        send(entry);
      }
    }
  }

  private void send(PendingTable.Entry entry) {
    try {
      channel.write(ByteBuffer.wrap(entry.datagram));
    } catch (ClosedChannelException e) {
      closed = true;
    } catch (IOException e) {
      sendErrors++;
      LOG.debug("send of request {} to {} failed (retransmission will follow): {}",
          entry.sequence, server, e.toString());
    }
  }

  private void receiveAll(ByteBuffer in) throws IOException {
    while (true) {
      in.clear();
      try {
        if (channel.receive(in) == null) {
          return;
        }
      } catch (PortUnreachableException e) {
        LOG.debug("{} reported port unreachable; requests stay pending", server);
        continue;
      }
      in.flip();
      reply(DatagramText.decode(in));
    }
  }

  private void reply(String text) {
    Optional<SequenceFrame> frame = SequenceFrame.parse(text);
    if (frame.isEmpty()) {
      malformed++;
      listener.malformed(text);
      return;
    }
    long sequence = frame.get().sequence();
    PendingTable.Entry entry = pending.remove(sequence);
    if (entry == null) {
      duplicates++;
      listener.duplicate(sequence);
      return;
    }
    if (entry.tries == 1) {
      long rtt = System.nanoTime() - entry.firstSentNanos;
      estimator.sampleNanos(rtt);
      rttSamples.add(rtt);
    }
    if (entry.order < lastAnsweredOrder) {
      outOfOrder++;
      listener.outOfOrder(sequence);
    } else {
      lastAnsweredOrder = entry.order;
    }
    answered++;
    entry.future.complete(frame.get().payload());
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

  /**
   * How a {@link SequencedClient} behaves.
   *
   * @param window the most requests in flight at once (default {@value #DEFAULT_WINDOW})
   * @param maxTries how many times a request is sent before it is given up (default 5, the
   *     book's)
   * @param rto the bounds of the retransmission timeout
   * @param maxDatagram the largest request or reply in bytes (default 5000)
   * @param sequenceSpace how many sequence numbers there are (0 to {@code sequenceSpace - 1});
   *     at least twice the window (default {@link Long#MAX_VALUE})
   * @param firstSequence the first sequence number (default 0, the book's)
   * @param maxQueued the most requests waiting for room in the window (default
   *     {@value #DEFAULT_MAX_QUEUED})
   * @param rttSampleCapacity how many of the latest round-trip samples the percentiles cover
   *     (default {@value #DEFAULT_RTT_SAMPLE_CAPACITY})
   */
  public record Config(int window, int maxTries, RtoSettings rto, int maxDatagram,
      long sequenceSpace, long firstSequence, int maxQueued, int rttSampleCapacity) {

    /** The default window: 64 requests in flight. */
    public static final int DEFAULT_WINDOW = 64;

    /** The default queue limit: 65536 requests. */
    public static final int DEFAULT_MAX_QUEUED = 65_536;

    /** The default number of samples kept for percentiles: 10000. */
    public static final int DEFAULT_RTT_SAMPLE_CAPACITY = 10_000;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a value is out of range, e.g.
     *     {@code sequenceSpace : 10 (expected: >= 2 * window = 16)}
     */
    public Config {
      Objects.requireNonNull(rto, "rto");
      positive("window", window);
      positive("maxTries", maxTries);
      positive("maxQueued", maxQueued);
      positive("rttSampleCapacity", rttSampleCapacity);
      if (maxDatagram < SequenceFrame.MAX_DIGITS + 2
          || maxDatagram > ReverseEchoServer.Config.MAX_UDP_PAYLOAD) {
        throw new IllegalArgumentException("maxDatagram : " + maxDatagram + " (expected: "
            + (SequenceFrame.MAX_DIGITS + 2) + ".." + ReverseEchoServer.Config.MAX_UDP_PAYLOAD
            + ")");
      }
      if (sequenceSpace < 2L * window) {
        throw new IllegalArgumentException("sequenceSpace : " + sequenceSpace
            + " (expected: >= 2 * window = " + 2L * window + ")");
      }
      if (firstSequence < 0 || firstSequence >= sequenceSpace) {
        throw new IllegalArgumentException("firstSequence : " + firstSequence + " (expected: 0.."
            + (sequenceSpace - 1) + ")");
      }
    }

    private static void positive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
      }
    }

    /**
     * Returns the defaults: window 64, 5 tries, {@link RtoSettings#defaults()}, 5000-byte
     * datagrams, sequence numbers from 0 up to {@code Long.MAX_VALUE - 1}.
     *
     * @return the default configuration
     */
    public static Config defaults() {
      return new Config(DEFAULT_WINDOW, EchoClient.Config.DEFAULT_TRIES, RtoSettings.defaults(),
          ReverseEchoServer.Config.DEFAULT_MAX_DATAGRAM, Long.MAX_VALUE, 0, DEFAULT_MAX_QUEUED,
          DEFAULT_RTT_SAMPLE_CAPACITY);
    }

    /**
     * Returns a copy with another window.
     *
     * @param newWindow the most requests in flight
     * @return the new configuration
     */
    public Config withWindow(int newWindow) {
      return new Config(newWindow, maxTries, rto, maxDatagram, sequenceSpace, firstSequence,
          maxQueued, rttSampleCapacity);
    }

    /**
     * Returns a copy with another number of tries.
     *
     * @param newMaxTries sends before giving up
     * @return the new configuration
     */
    public Config withMaxTries(int newMaxTries) {
      return new Config(window, newMaxTries, rto, maxDatagram, sequenceSpace, firstSequence,
          maxQueued, rttSampleCapacity);
    }

    /**
     * Returns a copy with other timer bounds.
     *
     * @param newRto the RTO bounds
     * @return the new configuration
     */
    public Config withRto(RtoSettings newRto) {
      return new Config(window, maxTries, newRto, maxDatagram, sequenceSpace, firstSequence,
          maxQueued, rttSampleCapacity);
    }

    /**
     * Returns a copy with another sequence space and first number (to see wrap-around).
     *
     * @param newSequenceSpace how many numbers there are
     * @param newFirstSequence the first number handed out
     * @return the new configuration
     */
    public Config withSequences(long newSequenceSpace, long newFirstSequence) {
      return new Config(window, maxTries, rto, maxDatagram, newSequenceSpace, newFirstSequence,
          maxQueued, rttSampleCapacity);
    }

    /**
     * Returns a copy with another queue limit.
     *
     * @param newMaxQueued the most requests waiting for the window
     * @return the new configuration
     */
    public Config withMaxQueued(int newMaxQueued) {
      return new Config(window, maxTries, rto, maxDatagram, sequenceSpace, firstSequence,
          newMaxQueued, rttSampleCapacity);
    }
  }
}
