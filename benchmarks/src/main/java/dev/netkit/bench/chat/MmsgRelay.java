package dev.netkit.bench.chat;

import dev.netkit.server.DatagramBatch;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A minimal Java relay with batched system calls (recvmmsg, and one sendmmsg per 64 copies
 * through netkit's {@link DatagramBatch}), on one thread or with a separate sending thread: the
 * experiment behind "does a sending thread pay?". With {@code sendingThread}, the receiving
 * thread fills one send batch while the sending thread flushes the other (two batches
 * exchanged), so that the kernel's per-datagram work can run on a second core.
 */
final class MmsgRelay implements Relay {

  private static final int SLOTS = 64;
  private static final int BYTES = 1025;
  private static final long EXCHANGE_TIMEOUT_MILLIS = 1_000;

  private final boolean sendingThread;
  private final List<Thread> threads = new ArrayList<>();
  private DatagramChannel channel;
  private volatile boolean running = true;

  /**
   * Creates the relay.
   *
   * @param sendingThread whether a second thread does the sending
   */
  MmsgRelay(boolean sendingThread) {
    this.sendingThread = sendingThread;
  }

  @Override
  public InetSocketAddress start(List<DatagramChannel> members) throws IOException {
    InetSocketAddress[] targets = new InetSocketAddress[members.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = (InetSocketAddress) members.get(i).getLocalAddress();
    }
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    DatagramBatch receiving = DatagramBatch.open(channel, SLOTS, BYTES, BYTES,
        DatagramBatch.Mode.BATCHED);
    if (sendingThread) {
      Exchanger<DatagramBatch> handOver = new Exchanger<>();
      DatagramBatch spare = DatagramBatch.open(channel, SLOTS, 1, BYTES,
          DatagramBatch.Mode.BATCHED);
      DatagramBatch filling = DatagramBatch.open(channel, SLOTS, 1, BYTES,
          DatagramBatch.Mode.BATCHED);
      start("mmsg-relay-send", () -> sendLoop(handOver, spare));
      start("mmsg-relay", () -> relay(receiving, targets, filling, handOver));
    } else {
      start("mmsg-relay", () -> relay(receiving, targets, receiving, null));
    }
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private void start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private void relay(DatagramBatch receiving, InetSocketAddress[] targets, DatagramBatch first,
      Exchanger<DatagramBatch> handOver) {
    DatagramBatch sending = first;
    try {
      while (running) {
        int count = receiving.receive();
        for (int i = 0; i < count; i++) {
          ByteBuffer datagram = receiving.datagram(i);
          for (InetSocketAddress target : targets) {
            if (sending.queued() == SLOTS && handOver != null) {
              sending = handOver.exchange(sending, EXCHANGE_TIMEOUT_MILLIS,
                  TimeUnit.MILLISECONDS);
            }
            sending.queue(datagram, target);
          }
        }
        if (handOver == null) {
          sending.flush();
        } else if (sending.queued() > 0) {
          sending = handOver.exchange(sending, EXCHANGE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
    } catch (IOException | InterruptedException | TimeoutException e) {
      // Closed or stopped: the run is over.
    }
  }

  private void sendLoop(Exchanger<DatagramBatch> handOver, DatagramBatch first) {
    DatagramBatch flushed = first;
    try {
      while (running) {
        try {
          DatagramBatch full = handOver.exchange(flushed, 100, TimeUnit.MILLISECONDS);
          full.flush();
          flushed = full;
        } catch (TimeoutException e) {
          // Nothing to send: look at running again.
        }
      }
    } catch (IOException | InterruptedException e) {
      // Closed: the run is over.
    }
  }

  @Override
  public CpuTime cpuTime() {
    return CpuTime.ofThreadsNamed("mmsg-relay");
  }

  @Override
  public byte[] message() {
    return Relay.publicMessage();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    running = false;
    channel.close();
    for (Thread thread : threads) {
      thread.interrupt();
      thread.join(5_000);
    }
  }

  @Override
  public String toString() {
    return "Java recvmmsg+sendmmsg relay" + (sendingThread ? " with a sending thread" : "");
  }
}
