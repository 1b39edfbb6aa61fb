package dev.netkit.udp;

import dev.netkit.server.DatagramBatchStats;
import dev.netkit.server.ReplyPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A UDP server's {@link DatagramServerLoop}s: one, or with {@code threads > 1} that many sockets
 * bound to one port with {@code SO_REUSEPORT}, each with its own thread, buffers and handler. The
 * kernel hands each sender's datagrams to one socket (by a hash of the addresses), so a peer's
 * requests are still answered in order. The first socket binds the requested address (port 0
 * picks one); the others bind the port it got. The sockets share one reply policy, so a
 * source's reply budget holds for the server: a peer spreading its ports over the sockets still
 * gets one budget.
 */
final class DatagramServerGroup implements AutoCloseable {

  private final String name;
  private final InetSocketAddress bindAddress;
  private final int maxDatagram;
  private final int maxReply;
  private final DatagramLoopConfig config;
  private ReplyPolicy policy;
  private final Supplier<DatagramServerLoop.Handler> handlers;
  private final Logger log;
  private final List<DatagramServerLoop> loops = new ArrayList<>();

  DatagramServerGroup(String name, InetSocketAddress bindAddress, int maxDatagram, int maxReply,
      DatagramLoopConfig config, Supplier<DatagramServerLoop.Handler> handlers, Logger log) {
    this.name = name;
    this.bindAddress = bindAddress;
    this.maxDatagram = maxDatagram;
    this.maxReply = maxReply;
    this.config = config;
    this.handlers = handlers;
    this.log = log;
  }

  /** Binds every socket and starts its thread; on failure closes those already started. */
  synchronized void start() throws IOException {
    if (!loops.isEmpty()) {
      throw new IllegalStateException(name + " already started");
    }
    int threads = config.threads();
    boolean reusePort = threads > 1;
    try {
      InetSocketAddress address = bindAddress;
      for (int i = 0; i < threads; i++) {
        DatagramServerLoop loop = new DatagramServerLoop(name, address, maxDatagram, maxReply,
            this::policyFor, handlers.get(), log, config.batched(), reusePort);
        loops.add(loop);
        loop.start();
        address = loop.localAddress();
      }
    } catch (IOException | RuntimeException e) {
      close();
      loops.clear();
      throw e;
    }
  }

  /**
   * The one reply policy of all the group's sockets, made for the port the first one bound: with
   * SO_REUSEPORT the kernel spreads a source's ports over the sockets, and one budget per socket
   * would give such a source one budget per thread.
   */
  private synchronized ReplyPolicy policyFor(int port) {
    if (policy == null) {
      policy = new ReplyPolicy(port, config.replyRate());
    }
    return policy;
  }

  InetSocketAddress localAddress() {
    List<DatagramServerLoop> started = started();
    return started.get(0).localAddress();
  }

  DatagramServerStats stats() {
    long received = 0;
    long replies = 0;
    long oversize = 0;
    long rejected = 0;
    long sendErrors = 0;
    long refusedSources = 0;
    long repliesRateLimited = 0;
    for (DatagramServerLoop loop : snapshot()) {
      DatagramServerStats stats = loop.stats();
      received += stats.received();
      replies += stats.replies();
      oversize += stats.oversize();
      rejected += stats.rejected();
      sendErrors += stats.sendErrors();
      refusedSources += stats.refusedSources();
      repliesRateLimited += stats.repliesRateLimited();
    }
    return new DatagramServerStats(received, replies, oversize, rejected, sendErrors,
        refusedSources, repliesRateLimited);
  }

  DatagramBatchStats ioStats() {
    boolean anyBatched = false;
    long receiveCalls = 0;
    long received = 0;
    long sendCalls = 0;
    long sent = 0;
    long failures = 0;
    for (DatagramServerLoop loop : snapshot()) {
      DatagramBatchStats stats = loop.ioStats();
      anyBatched |= stats.batched();
      receiveCalls += stats.receiveCalls();
      received += stats.received();
      sendCalls += stats.sendCalls();
      sent += stats.sent();
      failures += stats.sendFailures();
    }
    return new DatagramBatchStats(anyBatched, receiveCalls, received, sendCalls, sent, failures);
  }

  private synchronized List<DatagramServerLoop> snapshot() {
    return List.copyOf(loops);
  }

  private List<DatagramServerLoop> started() {
    List<DatagramServerLoop> started = snapshot();
    if (started.isEmpty()) {
      throw new IllegalStateException(name + " not started");
    }
    return started;
  }

  /** Stops every loop. Idempotent. */
  @Override
  public void close() {
    for (DatagramServerLoop loop : snapshot()) {
      loop.close();
    }
  }
}
