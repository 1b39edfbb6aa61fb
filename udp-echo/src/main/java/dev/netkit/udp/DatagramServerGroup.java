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
            this::policyFor, handlers.get(), log, config.batched(), reusePort,
            config.logDatagrams());
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
    return snapshot().stream().map(DatagramServerLoop::stats)
        .reduce(DatagramServerStats.NONE, DatagramServerStats::plus);
  }

  DatagramBatchStats ioStats() {
    return snapshot().stream().map(DatagramServerLoop::ioStats)
        .reduce(DatagramBatchStats.NONE, DatagramBatchStats::plus);
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
