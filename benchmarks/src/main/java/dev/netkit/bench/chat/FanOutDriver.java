package dev.netkit.bench.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Drives one relay the same way for every relay: N member sockets on loopback, one reader thread
 * draining them all, and member 0 sending in a closed loop — at most {@code window} messages in
 * flight, a message counting as done when the last member (the last to get it) has it. A message
 * whose last copy is lost frees the window after 100 ms. Deliveries are datagrams the members
 * actually received.
 */
final class FanOutDriver {

  private static final long STALL_MILLIS = 100;

  /**
   * What one run measured.
   *
   * @param serverSendsPerMessage datagrams the relay sent per message, NaN without a counter
   * @param serverCpuMicrosPerMessage CPU time the relay used per message, NaN without a counter
   */
  record Result(double deliveriesPerSecond, double messagesPerSecond, double lossPercent,
      double serverSendsPerMessage, double serverCpuMicrosPerMessage) {
  }

  private final int memberCount;
  private final int window;
  private final LongSupplier udpDatagramsSent;
  private final LongSupplier serverCpuNanos;

  FanOutDriver(int memberCount, int window) {
    this(memberCount, window, null, null);
  }

  /**
   * Creates a driver that also counts the relay's sends.
   *
   * @param udpDatagramsSent UDP datagrams sent by everything the run involves (e.g. a network
   *     namespace's OutDatagrams); the sender's messages are subtracted
   * @param serverCpuNanos CPU time of the relay's threads so far
   */
  FanOutDriver(int memberCount, int window, LongSupplier udpDatagramsSent,
      LongSupplier serverCpuNanos) {
    this.memberCount = memberCount;
    this.window = window;
    this.udpDatagramsSent = udpDatagramsSent;
    this.serverCpuNanos = serverCpuNanos;
  }

  Result run(Relay relay, Duration warmup, Duration measure) throws Exception {
    List<DatagramChannel> members = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < memberCount; i++) {
        members.add(relay.openMember());
      }
      InetSocketAddress target = relay.start(members);
      for (int i = 0; i < memberCount; i++) {
        members.get(i).configureBlocking(false);
        members.get(i).register(selector, SelectionKey.OP_READ, i);
      }
      Reader reader = new Reader(selector, memberCount - 1, new Semaphore(window));
      Thread readerThread = new Thread(reader, "fanout-reader");
      readerThread.start();
      try {
        return send(relay.sender(members), target, relay.message(), reader, warmup, measure);
      } finally {
        reader.stop = true;
        selector.wakeup();
        readerThread.join(10_000);
      }
    } finally {
      relay.close();
      for (DatagramChannel member : members) {
        member.close();
      }
    }
  }

  private Result send(DatagramChannel sender, InetSocketAddress target, byte[] message,
      Reader reader, Duration warmup, Duration measure) throws Exception {
    ByteBuffer datagram = ByteBuffer.allocateDirect(message.length).put(message).flip();
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    long sent = 0;
    long sentAtStart = -1;
    long deliveredAtStart = 0;
    long startedAt = 0;
    long datagramsAtStart = 0;
    long cpuAtStart = 0;
    while (true) {
      long now = System.nanoTime();
      if (sentAtStart < 0 && now - measureFrom >= 0) {
        sentAtStart = sent;
        deliveredAtStart = reader.delivered.get();
        datagramsAtStart = udpDatagramsSent == null ? 0 : udpDatagramsSent.getAsLong();
        cpuAtStart = serverCpuNanos == null ? 0 : serverCpuNanos.getAsLong();
        startedAt = now;
      }
      if (now - end >= 0) {
        break;
      }
      if (!reader.window.tryAcquire(STALL_MILLIS, TimeUnit.MILLISECONDS)) {
        reader.window.drainPermits();
        reader.window.release(window - 1);
      }
      datagram.rewind();
      sender.send(datagram, target);
      sent++;
    }
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    long delivered = reader.delivered.get() - deliveredAtStart;
    long messages = sent - sentAtStart;
    // The relay may still be sending the last messages' copies: a small overcount at most.
    double sendsPerMessage = udpDatagramsSent == null || messages == 0 ? Double.NaN
        : (double) (udpDatagramsSent.getAsLong() - datagramsAtStart - messages) / messages;
    double cpuPerMessage = serverCpuNanos == null || messages == 0 ? Double.NaN
        : (serverCpuNanos.getAsLong() - cpuAtStart) / 1e3 / messages;
    double loss = messages == 0 ? 0
        : Math.max(0, 100.0 * (1 - (double) delivered / ((double) messages * memberCount)));
    return new Result(delivered / seconds, messages / seconds, loss, sendsPerMessage,
        cpuPerMessage);
  }

  /** Drains every member socket, counting deliveries and freeing the window. */
  private static final class Reader implements Runnable {
    private final Selector selector;
    private final int lastMember;
    private final Semaphore window;
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean stop;

    Reader(Selector selector, int lastMember, Semaphore window) {
      this.selector = selector;
      this.lastMember = lastMember;
      this.window = window;
    }

    @Override
    public void run() {
      ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
      long count = 0;
      try {
        while (!stop) {
          selector.select(100);
          for (SelectionKey key : selector.selectedKeys()) {
            DatagramChannel member = (DatagramChannel) key.channel();
            boolean last = (Integer) key.attachment() == lastMember;
            while (true) {
              buffer.clear();
              if (member.receive(buffer) == null) {
                break;
              }
              count++;
              if (last) {
                window.release();
              }
            }
          }
          selector.selectedKeys().clear();
          delivered.lazySet(count);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
