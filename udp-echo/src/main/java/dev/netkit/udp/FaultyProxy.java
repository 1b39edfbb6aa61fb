package dev.netkit.udp;

import dev.netkit.codec.DatagramSize;
import dev.netkit.server.FirstWarnings;
import dev.netkit.server.ReplyPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP relay that misbehaves on purpose: it forwards datagrams from clients to a target and the
 * target's replies back, and on the way drops, duplicates, delays and reorders them with given
 * probabilities — a test bed for anything built on UDP, such as {@link SequencedClient}.
 *
 * <p>Each datagram, in either direction, independently meets the fate its {@code FaultModel}
 * draws: dropped with probability {@link FaultyProxyConfig#loss()}; else sent twice with
 * probability {@link FaultyProxyConfig#duplicate()}; each copy waits
 * {@link FaultyProxyConfig#delay()}, and with probability {@link FaultyProxyConfig#reorder()}
 * another {@link FaultyProxyConfig#reorderDelay()}, so that datagrams behind it overtake it. A
 * seed makes the random choices repeatable (the outcome still depends on arrival timing).
 *
 * <p>Every client address gets its own upstream socket, connected to the target, so replies find
 * their way back (at most {@link FaultyProxyConfig#maxClients()}; the least recently active is
 * forgotten, and its socket freed at once; and at most
 * {@link FaultyProxyConfig#maxClientsPerAddress()} from one IP address, beyond which that
 * address's least recently active client is forgotten, so that one host cannot push the others
 * out). A datagram from a new client for which no upstream
 * socket can be opened (out of descriptors, {@code EMFILE}) is dropped and counted in
 * {@link FaultyProxyStats#upstreamFailures()}; relaying goes on.
 *
 * <p>Hostile peers (DESIGN.md): datagram copies waiting out a delay are bounded by count
 * ({@link FaultyProxyConfig#maxQueued()}) and by bytes ({@link FaultyProxyConfig#maxQueuedBytes()})
 * in total, and for each client IP address, whose copies are those it sent and those going to it
 * ({@link FaultyProxyConfig#maxQueuedPerAddress()},
 * {@link FaultyProxyConfig#maxQueuedBytesPerAddress()}, a quarter of the totals by default), so
 * that one flooding host cannot make every other client's delayed datagrams overflow; a copy
 * beyond is dropped and counted in {@link FaultyProxyStats#overflow()}. A forgotten client's copies
 * still waiting to go to the target are dropped at once, and their room given back. Every copy
 * sent to a client address, duplicates and delayed ones included, comes out of that address's
 * {@link FaultyProxyConfig#replyRate()} budget ({@link ReplyPolicy#mayReply}); a copy beyond is
 * held back and counted in {@link FaultyProxyStats#repliesRateLimited()}, so that with duplicates,
 * or for a forged source address, the proxy is not an amplifier. The target must not be the
 * proxy's own listening address (it would relay to itself forever), and a datagram from the
 * proxy's own port or from a well-known service port (below 1024) is dropped and counted in
 * {@link FaultyProxyStats#refusedSources()} ({@link ReplyPolicy#refusesSource}): forged, it would
 * make the proxy relay the target's reply to itself for ever, or reflect it to a service. One
 * thread; thread-safe.
 *
 * <p>Failures: an exception while relaying one datagram, an {@link Error} included, costs that
 * datagram only; it is counted in {@link FaultyProxyStats#relayFailures()} and logged as a
 * warning the first time for each kind of exception (at debug level after that), and relaying
 * goes on. If the relay loop itself fails (selecting or receiving fails other than with a port
 * unreachable report), the proxy does not linger relaying nothing: it closes itself, the failure
 * is logged once and kept ({@link #failure()}), and {@link #awaitTermination(Duration)} returns.
 */
public final class FaultyProxy implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultyProxy.class);
  private static final int MAX_DATAGRAM = DatagramSize.MAX_UDP_PAYLOAD;

  private final InetSocketAddress listenAddress;
  private final InetSocketAddress target;
  private final FaultyProxyConfig config;
  private final FaultModel faults;
  /** Copies waiting out a delay, the first due first (a set: a forgotten client's leave fast). */
  private final TreeSet<Delayed> delayed = new TreeSet<>(
      Comparator.<Delayed>comparingLong(d -> d.dueNanos).thenComparingLong(d -> d.order));
  /** The copies of {@link #delayed} that go to the target, by upstream socket; none empty. */
  private final Map<DatagramChannel, Set<Delayed>> delayedByUpstream = new HashMap<>();
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
  private volatile long upstreamFailures;
  private volatile long refusedSources;
  private volatile long relayFailures;
  private volatile long repliesRateLimited;
  private volatile Throwable failure;
  private final FirstWarnings failureWarnings = new FirstWarnings(LOG);
  private final QueueShares queued;
  private ReplyPolicy policy;

  /**
   * A datagram copy waiting out its delay; {@code host} is the client IP address it belongs to
   * (its sender, or its destination), whose share of the queue it takes.
   */
  private static final class Delayed {
    final long dueNanos;
    final long order;
    final DatagramChannel out;
    final SocketAddress destination;
    final InetAddress host;
    final ByteBuffer data;

    Delayed(long dueNanos, long order, DatagramChannel out, SocketAddress destination,
        InetAddress host, ByteBuffer data) {
      this.dueNanos = dueNanos;
      this.order = order;
      this.out = out;
      this.destination = destination;
      this.host = host;
      this.data = data;
    }
  }

  /**
   * Creates a proxy.
   *
   * @param listenAddress where clients send to; port 0 picks a free port
   * @param target where datagrams are relayed to
   * @param config the fault probabilities, delays, seed and limits
   * @throws IllegalArgumentException if the target is the listening address itself
   */
  public FaultyProxy(InetSocketAddress listenAddress, InetSocketAddress target,
      FaultyProxyConfig config) {
    this(listenAddress, target, config, new FaultModel(Objects.requireNonNull(config, "config")));
  }

  /**
   * Creates a proxy whose faults come from the given model (tests inject failures this way).
   *
   * @param listenAddress where clients send to; port 0 picks a free port
   * @param target where datagrams are relayed to
   * @param config the delays and limits
   * @param faults decides the fate of each datagram
   * @throws IllegalArgumentException if the target is the listening address itself
   */
  FaultyProxy(InetSocketAddress listenAddress, InetSocketAddress target,
      FaultyProxyConfig config, FaultModel faults) {
    this.listenAddress = Objects.requireNonNull(listenAddress, "listenAddress");
    this.target = Objects.requireNonNull(target, "target");
    this.config = Objects.requireNonNull(config, "config");
    checkNotItself(listenAddress, target);
    this.faults = Objects.requireNonNull(faults, "faults");
    this.queued = new QueueShares(config);
    this.upstreams = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<SocketAddress, DatagramChannel> eldest) {
        if (size() <= config.maxClients()) {
          return false;
        }
        forget(eldest.getValue());
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
    try {
      checkNotItself(local, target);
    } catch (IllegalArgumentException e) {
      front.close();
      selector.close();
      throw e;
    }
    policy = new ReplyPolicy(local.getPort(), config.replyRate());
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
  public FaultyProxyStats stats() {
    return new FaultyProxyStats(received, forwarded, dropped, duplicated, reordered, overflow,
        sendErrors, refusedSources, upstreamFailures, relayFailures, repliesRateLimited);
  }

  /**
   * Refuses a target that is the listening address: the same port, and the same address or a
   * wildcard listening address with a loopback or wildcard target.
   */
  private static void checkNotItself(InetSocketAddress listen, InetSocketAddress target) {
    if (listen.getPort() == 0 || listen.getPort() != target.getPort()
        || listen.getAddress() == null || target.getAddress() == null) {
      return;
    }
    boolean same = listen.getAddress().equals(target.getAddress())
        || (listen.getAddress().isAnyLocalAddress()
            && (target.getAddress().isLoopbackAddress() || target.getAddress().isAnyLocalAddress()));
    if (same) {
      throw new IllegalArgumentException("target : " + target
          + " (expected: not the proxy's own listening address " + listen + ")");
    }
  }

  /**
   * Returns why the relay loop failed and the proxy closed itself, if it did.
   *
   * @return the failure, or empty while relaying and after an ordinary {@link #close()}
   */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Waits until the relay has stopped: closed, or failed ({@link #failure()}).
   *
   * @param timeout how long to wait at most
   * @return true if the relay has stopped (or was never started), false on timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    Thread loop;
    synchronized (this) {
      loop = thread;
    }
    if (loop == null) {
      return true;
    }
    loop.join(Math.max(1, timeout.toMillis()));
    return !loop.isAlive();
  }

  private void run() {
    ByteBuffer in = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    try {
      while (!closed) {
        sendDue(System.nanoTime());
        Delayed next = delayed.isEmpty() ? null : delayed.first();
        Datagrams.await(selector,
            next == null ? OptionalLong.empty() : OptionalLong.of(next.dueNanos));
        // A copy: freeing an evicted upstream selects again, which changes the selected keys.
        for (SelectionKey key : new ArrayList<>(selector.selectedKeys())) {
          DatagramChannel channel = (DatagramChannel) key.channel();
          if (key.isValid() && key.isReadable()) {
            receiveAll(channel, (SocketAddress) key.attachment(), in);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException | Error e) {
      if (!closed) {
        failure = e;
        LOG.error("faulty proxy on {} failed and closes: {}", local, e.toString(), e);
        closeSockets();
      }
    }
  }

  /**
   * Runs one datagram's step; a failure costs that datagram only (counted, logged once per kind).
   */
  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      relayFailures++;
      failureWarnings.log(e.getClass(), "faulty proxy on {} dropped a datagram that failed "
          + "({}); relaying goes on (counted in relayFailures)", local, e.toString(), e);
    }
  }

  /** Reads every waiting datagram; {@code client} is null for the front socket. */
  private void receiveAll(DatagramChannel channel, SocketAddress client, ByteBuffer in)
      throws IOException {
    Datagrams.drain(channel, in, (from, datagram) -> guarded(() -> {
      if (client == null) {
        if (policy.refusesSource(from)) {
          refusedSources++;
          LOG.debug("faulty proxy on {} dropped a datagram from {}: a service port or its own",
              local, from);
          return;
        }
        DatagramChannel upstream = upstreamFor(from);
        if (upstream == null) {
          received++;
        } else {
          relay(datagram, upstream, null, from.getAddress());
        }
      } else {
        relay(datagram, front, client, ((InetSocketAddress) client).getAddress());
      }
    }), e -> LOG.debug("target {} reported port unreachable", target));
  }

  /**
   * Returns the client's upstream socket, opening one for a new client; null (counted, logged
   * once) if it cannot be opened, so that the datagram is dropped and relaying goes on.
   */
  private DatagramChannel upstreamFor(SocketAddress client) {
    DatagramChannel upstream = upstreams.get(client);
    if (upstream != null) {
      return upstream;
    }
    forgetOneOfItsAddressAtTheLimit(client);
    DatagramChannel opened = null;
    try {
      opened = DatagramChannel.open();
      opened.configureBlocking(false);
      opened.connect(target);
      opened.register(selector, SelectionKey.OP_READ, client);
      upstreams.put(client, opened);
      return opened;
    } catch (IOException e) {
      if (opened != null) {
        free(opened);
      }
      if (upstreamFailures++ == 0) {
        LOG.warn("faulty proxy on {} cannot open an upstream socket ({}); dropping datagrams "
            + "from new clients while this lasts (counted in upstreamFailures)", local,
            e.toString());
      } else {
        LOG.debug("cannot open an upstream socket for {}: {}", client, e.toString());
      }
      return null;
    }
  }

  /**
   * Makes room for a new client whose IP address holds
   * {@link FaultyProxyConfig#maxClientsPerAddress()} clients already: forgets that address's
   * least recently active one (the map iterates least recent first).
   */
  private void forgetOneOfItsAddressAtTheLimit(SocketAddress client) {
    InetAddress host = ((InetSocketAddress) client).getAddress();
    SocketAddress leastRecent = null;
    int sameHost = 0;
    for (SocketAddress known : upstreams.keySet()) {
      if (((InetSocketAddress) known).getAddress().equals(host)) {
        if (leastRecent == null) {
          leastRecent = known;
        }
        sameHost++;
      }
    }
    if (sameHost >= config.maxClientsPerAddress()) {
      forget(upstreams.remove(leastRecent));
    }
  }

  /**
   * Forgets a client: frees its upstream socket, and the room in the delay queue of its copies
   * still waiting to go to the target through that socket (they could never be sent now). Copies
   * of replies on their way to it stay: they go out through the listening socket.
   */
  private void forget(DatagramChannel upstream) {
    free(upstream);
    Set<Delayed> waiting = delayedByUpstream.remove(upstream);
    if (waiting != null) {
      for (Delayed copy : waiting) {
        delayed.remove(copy);
        queued.remove(copy.host, copy.data.remaining());
      }
    }
  }

  /**
   * Closes an upstream socket and frees its descriptor now: a registered channel keeps its
   * descriptor until the selector deregisters it, which only a select does (see
   * {@link java.nio.channels.SelectableChannel}), and none comes while the front socket drains.
   */
  private void free(DatagramChannel channel) {
    closeQuietly(channel);
    try {
      selector.selectNow();
    } catch (IOException e) {
      LOG.debug("selecting to free {} failed: {}", channel, e.toString());
    }
  }

  /**
   * Relays one datagram as its fate says; {@code destination} is null towards the target, and
   * {@code host} is the client IP address it belongs to (its sender, or its destination).
   */
  private void relay(ByteBuffer data, DatagramChannel out, SocketAddress destination,
      InetAddress host) {
    // Counted first: a datagram that fails below was still received.
    received++;
    FaultModel.Fate fate = faults.next();
    if (fate.dropped()) {
      dropped++;
      return;
    }
    if (fate.duplicated()) {
      duplicated++;
    }
    reordered += fate.reorderedCopies();
    for (Duration delay : fate.delays()) {
      if (delay.isZero()) {
        send(out, destination, data.duplicate());
      } else {
        hold(out, destination, host, data, System.nanoTime() + delay.toNanos());
      }
    }
  }

  /** Queues a copy until {@code due}, unless the queue, or its host's share of it, is full. */
  private void hold(DatagramChannel out, SocketAddress destination, InetAddress host,
      ByteBuffer data, long due) {
    if (!queued.tryAdd(host, data.remaining())) {
      overflow++;
      return;
    }
    ByteBuffer copy = ByteBuffer.allocate(data.remaining());
    copy.put(data.duplicate()).flip();
    Delayed held = new Delayed(due, order++, out, destination, host, copy);
    delayed.add(held);
    if (destination == null) {
      delayedByUpstream.computeIfAbsent(out, upstream -> new HashSet<>()).add(held);
    }
  }

  private void sendDue(long now) {
    while (!delayed.isEmpty() && delayed.first().dueNanos - now <= 0) {
      Delayed due = delayed.pollFirst();
      queued.remove(due.host, due.data.remaining());
      if (due.destination == null) {
        Set<Delayed> waiting = delayedByUpstream.get(due.out);
        waiting.remove(due);
        if (waiting.isEmpty()) {
          delayedByUpstream.remove(due.out);
        }
      }
      guarded(() -> send(due.out, due.destination, due.data));
    }
  }

  /**
   * Sends a copy: to the target through a client's upstream socket ({@code destination} null),
   * or to a client through the listening socket, within that client address's budget.
   */
  private void send(DatagramChannel out, SocketAddress destination, ByteBuffer data) {
    if (!out.isOpen()) {
      return;
    }
    if (destination != null && !policy.mayReply((InetSocketAddress) destination,
        data.remaining(), System.nanoTime())) {
      repliesRateLimited++;
      LOG.debug("faulty proxy on {} held back a datagram to {}: its budget is used up", local,
          destination);
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
    closeSockets();
  }

  /** Closes every socket and the selector; by {@link #close()}, or by the loop when it fails. */
  private synchronized void closeSockets() {
    closed = true;
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
}
