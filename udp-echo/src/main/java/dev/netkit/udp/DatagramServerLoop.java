package dev.netkit.udp;

import dev.netkit.server.ReceiveLoop;
import dev.netkit.server.ReplyPolicy;
import dev.netkit.server.ReplyRateConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The receive-handle-reply step shared by netkit's UDP servers, run by the server core's
 * {@link ReceiveLoop} (one thread, its failure policy and lifecycle): one bound channel, blocking
 * {@code recvfrom}/{@code sendto} through direct buffers that are reused for every datagram. A
 * datagram larger than the limit, a handler failure or a send error (such as an ICMP error
 * reported by the OS) costs that datagram only; the loop ends when the channel closes.
 *
 * <p>Hostile peers: a {@link ReplyPolicy} decides whom to answer. A datagram from a well-known
 * service port or from the server's own port is not answered at all (counted in
 * {@link DatagramServerStats#refusedSources()}), and replies to one source address stay within
 * the {@link ReplyRateConfig} budget (the rest are counted in
 * {@link DatagramServerStats#repliesRateLimited()}), so that a forged datagram cannot start an
 * endless exchange with another server or turn this one into a flood.
 */
final class DatagramServerLoop implements AutoCloseable {

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
  private final ReplyRateConfig replyRate;
  private final Logger log;
  private ReplyPolicy policy;
  private volatile DatagramChannel channel;
  private volatile InetSocketAddress local;
  private ReceiveLoop loop;
  private ByteBuffer in;
  private ByteBuffer out;
  private volatile long received;
  private volatile long replies;
  private volatile long oversize;
  private volatile long rejected;
  private volatile long sendErrors;
  private volatile long refusedSources;
  private volatile long repliesRateLimited;

  DatagramServerLoop(String name, InetSocketAddress bindAddress, int maxDatagram, int maxReply,
      ReplyRateConfig replyRate, Handler handler, Logger log) {
    this.name = name;
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.maxDatagram = maxDatagram;
    this.maxReply = maxReply;
    this.handler = handler;
    this.replyRate = Objects.requireNonNull(replyRate, "replyRate");
    this.log = log;
  }

  /** Binds the channel and starts the thread; see the servers' {@code start()}. */
  synchronized void start() throws IOException {
    if (channel != null) {
      throw new IllegalStateException(name + " already started");
    }
    DatagramChannel opened = DatagramChannel.open(
        bindAddress.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    try {
      opened.bind(bindAddress);
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    channel = opened;
    local = (InetSocketAddress) opened.getLocalAddress();
    // One extra byte tells a datagram that was cut to fit from one that fits exactly.
    in = ByteBuffer.allocateDirect(maxDatagram + 1);
    out = ByteBuffer.allocateDirect(maxReply);
    policy = new ReplyPolicy(local.getPort(), replyRate);
    loop = new ReceiveLoop(name + "-" + localAddress().getPort(), opened, opened::isOpen,
        this::receiveAndAnswer).start();
    log.info("{} listening on {}", name, localAddress());
  }

  InetSocketAddress localAddress() {
    InetSocketAddress bound = local;
    if (bound == null) {
      throw new IllegalStateException(name + " not started");
    }
    return bound;
  }

  DatagramServerStats stats() {
    return new DatagramServerStats(received, replies, oversize, rejected, sendErrors,
        refusedSources, repliesRateLimited);
  }

  /** One turn of the loop, on its thread only: the buffers are the loop's. */
  private void receiveAndAnswer() throws IOException {
    DatagramChannel ch = channel;
    in.clear();
    InetSocketAddress sender = (InetSocketAddress) ch.receive(in);
    in.flip();
    serve(ch, in, out, sender);
  }

  private void serve(DatagramChannel ch, ByteBuffer in, ByteBuffer out,
      InetSocketAddress sender) throws ClosedChannelException {
    received++;
    if (in.remaining() > maxDatagram) {
      oversize++;
      log.warn("{}: dropped a datagram from {}: longer than the limit of {} bytes", name, sender,
          maxDatagram);
      return;
    }
    if (log.isDebugEnabled()) {
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
      log.warn("{}: dropped a datagram from {}: {}", name, sender, e.toString());
      return;
    }
    for (int i = 0; i < copies; i++) {
      if (policy.mayReply(sender, out.limit(), System.nanoTime())) {
        send(ch, out, sender);
      } else {
        repliesRateLimited++;
      }
    }
  }

  private void send(DatagramChannel ch, ByteBuffer out, InetSocketAddress sender)
      throws ClosedChannelException {
    try {
      out.rewind();
      ch.send(out, sender);
      replies++;
    } catch (ClosedChannelException e) {
      throw e;
    } catch (IOException e) {
      sendErrors++;
      log.debug("{}: reply to {} failed: {}", name, sender, e.toString());
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
