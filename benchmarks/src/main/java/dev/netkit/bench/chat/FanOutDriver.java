package dev.netkit.bench.chat;

import dev.netkit.server.DatagramBatch;
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
 * actually received; the loss is counted over the whole run, after the last copies in flight
 * have arrived. The reader takes each member's queued datagrams with one {@code recvmmsg}
 * (netkit's {@link DatagramBatch}), so that receiving is cheaper than any relay's sending.
 */
final class FanOutDriver {

  private static final long STALL_MILLIS = 100;
  private static final long DRAIN_NANOS = 200_000_000L;
  private static final int READ_SLOTS = 16;
  private static final int READ_BYTES = 2048;

  /**
   * What one run measured.
   *
   * @param serverSendsPerMessage datagrams the relay sent per message, NaN without a counter
   * @param serverCpuMicrosPerMessage CPU time (user + system) the relay used per message, NaN
   *     when the relay cannot tell
   * @param serverSystemMicrosPerMessage the system (kernel) part of it
   */
  record Result(double deliveriesPerSecond, double messagesPerSecond, double lossPercent,
      double serverSendsPerMessage, double serverCpuMicrosPerMessage,
      double serverSystemMicrosPerMessage) {
  }

  private final int memberCount;
  private final int window;
  private final LongSupplier udpDatagramsSent;

  FanOutDriver(int memberCount, int window) {
    this(memberCount, window, null);
  }

  /**
   * Creates a driver that also counts the relay's sends.
   *
   * @param udpDatagramsSent UDP datagrams sent by everything the run involves (e.g. a network
   *     namespace's OutDatagrams); the sender's messages are subtracted
   */
  FanOutDriver(int memberCount, int window, LongSupplier udpDatagramsSent) {
    this.memberCount = memberCount;
    this.window = window;
    this.udpDatagramsSent = udpDatagramsSent;
  }

  Result run(Relay relay, Duration warmup, Duration measure) throws Exception {
    List<DatagramChannel> members = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < memberCount; i++) {
        members.add(relay.openMember());
      }
      InetSocketAddress target = relay.start(members);
      List<DatagramBatch> batches = new ArrayList<>();
      for (int i = 0; i < memberCount; i++) {
        DatagramChannel member = members.get(i);
        // The reader drains each member with one recvmmsg, so that it costs less per delivery
        // than any server does, and the servers, not the reader, set the pace.
        DatagramBatch batch = DatagramBatch.open(member, READ_SLOTS, READ_BYTES, 1,
            DatagramBatch.Mode.BATCHED);
        batches.add(batch);
        member.configureBlocking(false);
        member.register(selector, SelectionKey.OP_READ, batch);
      }
      Reader reader = new Reader(selector, batches.get(memberCount - 1),
          new Semaphore(window));
      Thread readerThread = new Thread(reader, "fanout-reader");
      readerThread.start();
      try {
        return send(relay, relay.sender(members), target, reader, warmup, measure);
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

  private Result send(Relay relay, DatagramChannel sender, InetSocketAddress target,
      Reader reader, Duration warmup, Duration measure) throws Exception {
    byte[] message = relay.message();
    ByteBuffer datagram = ByteBuffer.allocateDirect(message.length).put(message).flip();
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    long sent = 0;
    long sentAtStart = -1;
    long deliveredAtStart = 0;
    long startedAt = 0;
    long datagramsAtStart = 0;
    CpuTime cpuAtStart = null;
    while (true) {
      long now = System.nanoTime();
      if (sentAtStart < 0 && now - measureFrom >= 0) {
        sentAtStart = sent;
        deliveredAtStart = reader.delivered.get();
        datagramsAtStart = udpDatagramsSent == null ? 0 : udpDatagramsSent.getAsLong();
        cpuAtStart = relay.cpuTime();
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
    CpuTime cpuAtEnd = relay.cpuTime();
    double cpuPerMessage = Double.NaN;
    double systemPerMessage = Double.NaN;
    if (cpuAtStart != null && cpuAtEnd != null && messages > 0) {
      cpuPerMessage = (cpuAtEnd.totalNanos() - cpuAtStart.totalNanos()) / 1e3 / messages;
      systemPerMessage = (cpuAtEnd.systemNanos() - cpuAtStart.systemNanos()) / 1e3 / messages;
    }
    double loss = lossPercent(reader, sent);
    return new Result(delivered / seconds, messages / seconds, loss, sendsPerMessage,
        cpuPerMessage, systemPerMessage);
  }

  /**
   * Waits until the copies still in flight have arrived (or none has for 200 ms), and returns
   * the share of all copies of all messages sent in the run that never arrived.
   */
  private double lossPercent(Reader reader, long sent) throws InterruptedException {
    long expected = sent * memberCount;
    long seen = reader.delivered.get();
    long lastProgress = System.nanoTime();
    while (seen < expected && System.nanoTime() - lastProgress < DRAIN_NANOS) {
      Thread.sleep(10);
      long now = reader.delivered.get();
      if (now != seen) {
        seen = now;
        lastProgress = System.nanoTime();
      }
    }
    return expected == 0 ? 0 : Math.max(0, 100.0 * (1 - (double) seen / expected));
  }

  /** Drains every member socket, counting deliveries and freeing the window. */
  private static final class Reader implements Runnable {
    private final Selector selector;
    private final DatagramBatch lastMember;
    private final Semaphore window;
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean stop;

    Reader(Selector selector, DatagramBatch lastMember, Semaphore window) {
      this.selector = selector;
      this.lastMember = lastMember;
      this.window = window;
    }

    @Override
    public void run() {
      long count = 0;
      try {
        while (!stop) {
          selector.select(100);
          for (SelectionKey key : selector.selectedKeys()) {
            DatagramBatch member = (DatagramBatch) key.attachment();
            int received;
            while ((received = member.receiveQueued()) > 0) {
              count += received;
              if (member == lastMember) {
                window.release(received);
              }
              if (received < READ_SLOTS) {
                break;
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
