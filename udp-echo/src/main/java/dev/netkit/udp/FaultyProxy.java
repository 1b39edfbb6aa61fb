package dev.netkit.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP relay that misbehaves on purpose: it forwards datagrams from clients to a target and the
 * target's replies back, and on the way drops, duplicates, delays and reorders them with given
 * probabilities — a test bed for anything built on UDP, such as {@link SequencedClient}.
 *
 * <p>Each datagram, in either direction, independently: is dropped with probability
 * {@link Config#loss()}; else is sent twice with probability {@link Config#duplicate()}; each copy
 * waits {@link Config#delay()}, and with probability {@link Config#reorder()} another
 * {@link Config#reorderDelay()}, so that datagrams behind it overtake it. A seed makes the random
 * choices repeatable (the outcome still depends on arrival timing).
 *
 * <p>Every client address gets its own upstream socket, connected to the target, so replies find
 * their way back (at most {@link Config#maxClients()}; the least recently active is forgotten).
 * Datagrams waiting out a delay are bounded by {@link Config#maxQueued()}. One thread;
 * thread-safe.
 */
public final class FaultyProxy implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultyProxy.class);
  private static final int MAX_DATAGRAM = ReverseEchoServer.Config.MAX_UDP_PAYLOAD;

  private final InetSocketAddress listenAddress;
  private final InetSocketAddress target;
  private final Config config;
  private final Random random;
  private final PriorityQueue<Delayed> delayed = new PriorityQueue<>(
      Comparator.<Delayed>comparingLong(d -> d.dueNanos).thenComparingLong(d -> d.order));
  private final Map<SocketAddress, DatagramChannel> upstreams;
  private DatagramChannel front;
  private Selector selector;
  private Thread thread;
  private volatile InetSocketAddress local;
  private volatile boolean closed;
  private long order;
  private volatile long received;
  private volatile long forwarded;
  private volatile long dropped;
  private volatile long duplicated;
  private volatile long reordered;
  private volatile long overflow;
  private volatile long sendErrors;

  /** A datagram copy waiting out its delay. */
  private static final class Delayed {
    final long dueNanos;
    final long order;
    final DatagramChannel out;
    final SocketAddress destination;
    final ByteBuffer data;

    Delayed(long dueNanos, long order, DatagramChannel out, SocketAddress destination,
        ByteBuffer data) {
      this.dueNanos = dueNanos;
      this.order = order;
      this.out = out;
      this.destination = destination;
      this.data = data;
    }
  }

  /**
   * Creates a proxy.
   *
   * @param listenAddress where clients send to; port 0 picks a free port
   * @param target where datagrams are relayed to
   * @param config the fault probabilities, delays, seed and limits
   */
  public FaultyProxy(InetSocketAddress listenAddress, InetSocketAddress target, Config config) {
    this.listenAddress = Objects.requireNonNull(listenAddress, "listenAddress");
    this.target = Objects.requireNonNull(target, "target");
    this.config = Objects.requireNonNull(config, "config");
    this.random = new Random(config.seed());
    this.upstreams = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<SocketAddress, DatagramChannel> eldest) {
        if (size() <= config.maxClients()) {
          return false;
        }
        closeQuietly(eldest.getValue());
        return true;
      }
    };
  }

  /**
   * Binds the listening socket and starts relaying.
   *
   * @return this proxy
   * @throws IOException if the address cannot be bound
   * @throws IllegalStateException if already started
   */
  public synchronized FaultyProxy start() throws IOException {
    if (front != null) {
      throw new IllegalStateException("proxy already started");
    }
    selector = Selector.open();
    front = DatagramChannel.open();
    try {
      front.bind(listenAddress);
      front.configureBlocking(false);
      front.register(selector, SelectionKey.OP_READ);
    } catch (IOException e) {
      front.close();
      selector.close();
      throw e;
    }
    local = (InetSocketAddress) front.getLocalAddress();
    thread = new Thread(this::run, "faulty-proxy-" + local.getPort());
    thread.setDaemon(true);
    thread.start();
    LOG.info("faulty proxy on {} relays to {} with {}", local, target, config);
    return this;
  }

  /**
   * Returns the address clients send to (with the real port when bound to port 0).
   *
   * @return the bound address
   * @throws IllegalStateException if not started
   */
  public InetSocketAddress localAddress() {
    InetSocketAddress bound = local;
    if (bound == null) {
      throw new IllegalStateException("proxy not started");
    }
    return bound;
  }

  /**
   * Returns what the proxy has done so far.
   *
   * @return a snapshot of the counters
   */
  public ProxyStatistics statistics() {
    return new ProxyStatistics(received, forwarded, dropped, duplicated, reordered, overflow,
        sendErrors);
  }

  private void run() {
    ByteBuffer in = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    try {
      while (!closed) {
        sendDue(System.nanoTime());
        awaitEvents();
        for (SelectionKey key : selector.selectedKeys()) {
          DatagramChannel channel = (DatagramChannel) key.channel();
          if (key.isValid() && key.isReadable()) {
            receiveAll(channel, (SocketAddress) key.attachment(), in);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (!closed) {
        LOG.error("faulty proxy on {} stopped: {}", local, e.toString(), e);
      }
    }
  }

  private void awaitEvents() throws IOException {
    Delayed next = delayed.peek();
    if (next == null) {
      selector.select();
      return;
    }
    long waitNanos = next.dueNanos - System.nanoTime();
    if (waitNanos <= 0) {
      selector.selectNow();
    } else {
      selector.select(TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
    }
  }

  /** Reads every waiting datagram; {@code client} is null for the front socket. */
  private void receiveAll(DatagramChannel channel, SocketAddress client, ByteBuffer in)
      throws IOException {
    while (true) {
      in.clear();
      SocketAddress from;
      try {
        from = channel.receive(in);
      } catch (PortUnreachableException e) {
        LOG.debug("target {} reported port unreachable", target);
        continue;
      }
      if (from == null) {
        return;
      }
      in.flip();
      if (client == null) {
        relay(in, upstreamFor(from), null);
      } else {
        relay(in, front, client);
      }
    }
  }

  private DatagramChannel upstreamFor(SocketAddress client) throws IOException {
    DatagramChannel upstream = upstreams.get(client);
    if (upstream == null) {
      upstream = DatagramChannel.open();
      upstream.configureBlocking(false);
      upstream.connect(target);
      upstream.register(selector, SelectionKey.OP_READ, client);
      upstreams.put(client, upstream);
    }
    return upstream;
  }

  private void relay(ByteBuffer data, DatagramChannel out, SocketAddress destination) {
    received++;
    if (random.nextDouble() < config.loss()) {
      dropped++;
      return;
    }
    int copies = 1;
    if (random.nextDouble() < config.duplicate()) {
      duplicated++;
      copies = 2;
    }
    for (int i = 0; i < copies; i++) {
      long extraNanos = config.delay().toNanos();
      if (random.nextDouble() < config.reorder()) {
        reordered++;
        extraNanos += config.reorderDelay().toNanos();
      }
      if (extraNanos == 0) {
        send(out, destination, data.duplicate());
      } else {
        hold(out, destination, data, System.nanoTime() + extraNanos);
      }
    }
  }

  private void hold(DatagramChannel out, SocketAddress destination, ByteBuffer data, long due) {
    if (delayed.size() >= config.maxQueued()) {
      overflow++;
      return;
    }
    ByteBuffer copy = ByteBuffer.allocate(data.remaining());
    copy.put(data.duplicate()).flip();
    delayed.add(new Delayed(due, order++, out, destination, copy));
  }

  private void sendDue(long now) {
    Delayed next;
    while ((next = delayed.peek()) != null && next.dueNanos - now <= 0) {
      delayed.poll();
      send(next.out, next.destination, next.data);
    }
  }

  private void send(DatagramChannel out, SocketAddress destination, ByteBuffer data) {
    if (!out.isOpen()) {
      return;
    }
    try {
      if (destination == null) {
        out.write(data);
      } else {
        out.send(data, destination);
      }
      forwarded++;
    } catch (IOException e) {
      sendErrors++;
      LOG.debug("relay to {} failed: {}", destination == null ? target : destination,
          e.toString());
    }
  }

  /** Stops relaying and closes every socket; waits up to 5 s for the thread. Idempotent. */
  @Override
  public void close() {
    Thread loop;
    synchronized (this) {
      if (closed || front == null) {
        closed = true;
        return;
      }
      closed = true;
      loop = thread;
    }
    selector.wakeup();
    if (loop != Thread.currentThread()) {
      try {
        loop.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    upstreams.values().forEach(FaultyProxy::closeQuietly);
    closeQuietly(front);
    try {
      selector.close();
    } catch (IOException e) {
      LOG.debug("closing the selector failed: {}", e.toString());
    }
  }

  private static void closeQuietly(DatagramChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed: {}", channel, e.toString());
    }
  }

  /**
   * The faults and limits of a {@link FaultyProxy}. Probabilities are in 0..1.
   *
   * @param loss the chance that a datagram is dropped
   * @param duplicate the chance that a datagram is sent twice
   * @param reorder the chance that a datagram copy is held back by {@code reorderDelay}
   * @param delay a delay for every datagram (default none)
   * @param reorderDelay how long a reordered copy is held back (default
   *     {@link #DEFAULT_REORDER_DELAY})
   * @param seed the seed of the random choices
   * @param maxClients the most client addresses remembered (default {@value #DEFAULT_MAX_CLIENTS})
   * @param maxQueued the most datagram copies waiting out a delay (default
   *     {@value #DEFAULT_MAX_QUEUED})
   */
  public record Config(double loss, double duplicate, double reorder, Duration delay,
      Duration reorderDelay, long seed, int maxClients, int maxQueued) {

    /** How long a reordered datagram is held back by default: 5 ms. */
    public static final Duration DEFAULT_REORDER_DELAY = Duration.ofMillis(5);

    /** The default number of client addresses remembered: 1024. */
    public static final int DEFAULT_MAX_CLIENTS = 1024;

    /** The default number of datagram copies waiting out a delay: 10000. */
    public static final int DEFAULT_MAX_QUEUED = 10_000;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a probability is not in 0..1, a delay is negative or a
     *     limit is not positive
     */
    public Config {
      probability("loss", loss);
      probability("duplicate", duplicate);
      probability("reorder", reorder);
      notNegative("delay", delay);
      notNegative("reorderDelay", reorderDelay);
      if (maxClients < 1) {
        throw new IllegalArgumentException("maxClients : " + maxClients + " (expected: > 0)");
      }
      if (maxQueued < 1) {
        throw new IllegalArgumentException("maxQueued : " + maxQueued + " (expected: > 0)");
      }
    }

    private static void probability(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " : " + value + " (expected: 0..1)");
      }
    }

    private static void notNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " : " + value + " (expected: >= 0)");
      }
    }

    /**
     * Returns a proxy configuration without faults (a plain relay) and seed 0.
     *
     * @return the configuration
     */
    public static Config none() {
      return new Config(0, 0, 0, Duration.ZERO, DEFAULT_REORDER_DELAY, 0, DEFAULT_MAX_CLIENTS,
          DEFAULT_MAX_QUEUED);
    }

    /**
     * Returns a copy with another loss probability.
     *
     * @param p the chance of a drop
     * @return the new configuration
     */
    public Config withLoss(double p) {
      return new Config(p, duplicate, reorder, delay, reorderDelay, seed, maxClients, maxQueued);
    }

    /**
     * Returns a copy with another duplication probability.
     *
     * @param p the chance of a second copy
     * @return the new configuration
     */
    public Config withDuplicate(double p) {
      return new Config(loss, p, reorder, delay, reorderDelay, seed, maxClients, maxQueued);
    }

    /**
     * Returns a copy with another reordering probability.
     *
     * @param p the chance that a copy is held back
     * @return the new configuration
     */
    public Config withReorder(double p) {
      return new Config(loss, duplicate, p, delay, reorderDelay, seed, maxClients, maxQueued);
    }

    /**
     * Returns a copy with another delay for every datagram.
     *
     * @param d the delay
     * @return the new configuration
     */
    public Config withDelay(Duration d) {
      return new Config(loss, duplicate, reorder, d, reorderDelay, seed, maxClients, maxQueued);
    }

    /**
     * Returns a copy with another hold-back time for reordered copies.
     *
     * @param d the hold-back time
     * @return the new configuration
     */
    public Config withReorderDelay(Duration d) {
      return new Config(loss, duplicate, reorder, delay, d, seed, maxClients, maxQueued);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param s the seed
     * @return the new configuration
     */
    public Config withSeed(long s) {
      return new Config(loss, duplicate, reorder, delay, reorderDelay, s, maxClients, maxQueued);
    }
  }
}
