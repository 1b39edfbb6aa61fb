package dev.netkit.udp;

import dev.netkit.server.DatagramBatch;
import dev.netkit.server.DatagramBatchStats;
import dev.netkit.server.FirstWarnings;
import dev.netkit.server.ReceiveLoop;
import dev.netkit.server.ReplyPolicy;
import dev.netkit.server.ReplyRateConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import java.util.function.IntFunction;
import org.slf4j.Logger;

/**
 * The receive-handle-reply step shared by netkit's UDP servers, run by the server core's
 * {@link ReceiveLoop} (one thread, its failure policy and lifecycle): one bound channel, I/O
 * through a {@link DatagramBatch} whose direct buffers are reused for every datagram. Batched,
 * one {@code recvmmsg} takes up to {@link #BATCH_SLOTS} queued requests and one {@code sendmmsg}
 * sends their replies; plain (or where the native library does not load), one
 * {@code recvfrom}/{@code sendto} per datagram. Replies go out in request order either way. A
 * datagram larger than the limit, a handler failure or a send error (such as an ICMP error
 * reported by the OS) costs that datagram only; the loop ends when the channel closes. With
 * {@code reusePort}, the channel sets {@code SO_REUSEPORT} so that several loops share one port
 * (the kernel keeps each sender on one of them by address hash).
 *
 * <p>Hostile peers: a {@link ReplyPolicy} decides whom to answer. A datagram from a well-known
 * service port or from the server's own port is not answered at all (counted in
 * {@link DatagramServerStats#refusedSources()}), and replies to one source address stay within
 * the {@link ReplyRateConfig} budget (the rest are counted in
 * {@link DatagramServerStats#repliesRateLimited()}), so that a forged datagram cannot start an
 * endless exchange with another server or turn this one into a flood.
 */
final class DatagramServerLoop implements AutoCloseable {

  /** Requests taken by one batched receive call at most. */
  static final int BATCH_SLOTS = 64;

  /** Answers one request. */
  interface Handler {

    /**
     * Writes the reply to a request.
     *
     * @param request the datagram (position to limit); do not keep it
     * @param sender who sent it
     * @param reply cleared; fill and flip it
     * @return how many times to send the reply (0 for none)
     */
    int handle(ByteBuffer request, InetSocketAddress sender, ByteBuffer reply);
  }

  private final String name;
  private final InetSocketAddress bindAddress;
  private final int maxDatagram;
  private final int maxReply;
  private final Handler handler;
  private final IntFunction<ReplyPolicy> policies;
  private final Logger log;
  private final FirstWarnings warnings;
  private final boolean batched;
  private final boolean reusePort;
  private final boolean logDatagrams;
  private ReplyPolicy policy;
  private volatile DatagramChannel channel;
  private volatile InetSocketAddress local;
  private ReceiveLoop loop;
  private volatile DatagramBatch batch;
  private ByteBuffer out;
  private volatile long received;
  private volatile long oversize;
  private volatile long rejected;
  private volatile long refusedSources;
  private volatile long repliesRateLimited;

  /**
   * A loop not yet bound; {@code policies} gives the reply policy for the port it binds (the
   * loops of one group share one policy).
   */
  DatagramServerLoop(String name, InetSocketAddress bindAddress, int maxDatagram, int maxReply,
      IntFunction<ReplyPolicy> policies, Handler handler, Logger log, boolean batched,
      boolean reusePort, boolean logDatagrams) {
    this.name = name;
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.maxDatagram = maxDatagram;
    this.maxReply = maxReply;
    this.handler = handler;
    this.policies = Objects.requireNonNull(policies, "policies");
    this.log = log;
    this.warnings = new FirstWarnings(log);
    this.batched = batched;
    this.reusePort = reusePort;
    this.logDatagrams = logDatagrams;
  }

  /** Binds the channel and starts the thread; see the servers' {@code start()}. */
  synchronized void start() throws IOException {
    if (channel != null) {
      throw new IllegalStateException(name + " already started");
    }
    DatagramChannel opened = DatagramChannel.open(
        bindAddress.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    DatagramBatch opening;
    try {
      if (reusePort) {
        opened.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      opened.bind(bindAddress);
      // One extra byte tells a datagram that was cut to fit from one that fits exactly.
      opening = DatagramBatch.open(opened, batched ? BATCH_SLOTS : 1, maxDatagram + 1, maxReply,
          batched ? DatagramBatch.Mode.BATCHED : DatagramBatch.Mode.PLAIN);
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
    channel = opened;
    batch = opening;
    local = (InetSocketAddress) opened.getLocalAddress();
    out = ByteBuffer.allocateDirect(maxReply);
    policy = policies.apply(local.getPort());
    loop = new ReceiveLoop(name + "-" + localAddress().getPort(), opening, opening::isOpen,
        this::receiveAndAnswer).start();
    log.info("{} listening on {}{}", name, localAddress(),
        opening.isBatched() ? " (batched)" : "");
  }

  InetSocketAddress localAddress() {
    InetSocketAddress bound = local;
    if (bound == null) {
      throw new IllegalStateException(name + " not started");
    }
    return bound;
  }

  DatagramServerStats stats() {
    DatagramBatchStats io = ioStats();
    return new DatagramServerStats(received, io.sent(), oversize, rejected, io.sendFailures(),
        refusedSources, repliesRateLimited);
  }

  /** How many datagrams the system calls moved; all zero before {@link #start()}. */
  DatagramBatchStats ioStats() {
    DatagramBatch running = batch;
    return running == null ? DatagramBatchStats.NONE : running.stats();
  }

  /** One turn of the loop, on its thread only: the buffers are the loop's. */
  private void receiveAndAnswer() throws IOException {
    DatagramBatch requests = batch;
    int count = requests.receive();
    try {
      for (int i = 0; i < count; i++) {
        serve(requests, i, requests.datagram(i), out, requests.sender(i));
      }
    } finally {
      // Replies already made go out even when a later request failed the step.
      requests.flush();
    }
  }

  private void serve(DatagramBatch requests, int index, ByteBuffer in, ByteBuffer out,
      InetSocketAddress sender) throws IOException {
    received++;
    if (in.remaining() > maxDatagram) {
      oversize++;
      warnings.log("oversize", "{}: dropped a datagram from {}: longer than the limit of {} bytes",
          name, sender, maxDatagram);
      return;
    }
    if (logDatagrams) {
      log.info("Received {} bytes from [{},{}]", in.remaining(),
          sender.getAddress().getHostAddress(), sender.getPort());
    } else if (log.isDebugEnabled()) {
      log.debug("Received {} bytes from [{},{}]", in.remaining(),
          sender.getAddress().getHostAddress(), sender.getPort());
    }
    if (policy.refusesSource(sender)) {
      refusedSources++;
      log.debug("{}: not answering {}: a service port or the server's own", name, sender);
      return;
    }
    int copies;
    try {
      out.clear();
      copies = handler.handle(in, sender, out);
    } catch (RuntimeException e) {
      rejected++;
      warnings.log(e.getClass(), "{}: dropped a datagram from {}: {}", name, sender,
          e.toString());
      return;
    }
    for (int i = 0; i < copies; i++) {
      if (policy.mayReply(sender, out.limit(), System.nanoTime())) {
        requests.queueReply(index, out);
      } else {
        repliesRateLimited++;
      }
    }
  }

  /** Closes the channel, which ends the loop, and waits (up to 5 s) for the thread to finish. */
  @Override
  public void close() {
    ReceiveLoop running;
    synchronized (this) {
      running = loop;
    }
    if (running != null) {
      running.close();
      log.info("{} on {} stopped", name, bindAddress);
    }
  }
}
