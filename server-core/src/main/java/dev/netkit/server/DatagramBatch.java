package dev.netkit.server;

import dev.netkit.codec.Arguments;
import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.internal.DatagramBatchSyscalls;
import dev.netkit.jni.internal.SocketDescriptors;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N datagram slots on a UDP {@link DatagramChannel} that a server loop fills with one system call
 * and answers with one: {@code recvmmsg(2)} and {@code sendmmsg(2)} through netkit's native
 * library. Where the library does not load (or {@link Mode#PLAIN} is asked for) the same methods
 * run one {@code recvfrom}/{@code sendto} per datagram through the channel, so a server has one
 * code path and the wire sees the same bytes in the same order.
 *
 * <pre>{@code
 *   int n = batch.receive();                 // waits for one, takes up to N queued
 *   for (int i = 0; i < n; i++) {
 *     reply.clear(); ...answer batch.datagram(i) from batch.sender(i)...; reply.flip();
 *     batch.queueReply(i, reply);            // copied; flushed by itself when N are queued
 *   }
 *   batch.flush();                           // one sendmmsg for every queued reply
 * }</pre>
 *
 * <p>Limits: at most {@link #MAX_SLOTS} slots. A received datagram longer than its slot is cut to
 * the slot, as {@link DatagramChannel#receive} does: give slots one byte more than the longest
 * datagram you accept to tell a cut one from one that fits. A queued datagram must fit a send
 * slot. A send that the operating system refuses (an unreachable peer, say) costs that datagram
 * only: it is logged at debug level and counted in {@link #stats()}.
 *
 * <p>A non-blocking channel (a selector loop's) works too: use {@link #receiveQueued()}. A
 * flush on it waits on the native path while the socket's send buffer is full (as a blocking
 * socket would), and on the plain path counts such a datagram as refused.
 *
 * <p>Closing: {@link #close()} wakes a thread blocked in {@link #receive()} (on the native path
 * by {@code shutdown(2)}), waits for native calls on the descriptor to return, then closes the
 * channel. Close the channel through this batch only, never directly, while it is in use: the
 * natives address the channel by its descriptor number.
 *
 * <p>Not thread-safe: one thread receives, queues and flushes; {@link #close()} may be called
 * from any thread.
 */
public final class DatagramBatch implements AutoCloseable {

  /** The most slots a batch has: datagrams per system call. */
  public static final int MAX_SLOTS = DatagramBatchSyscalls.BATCH_MAX;

  private static final Logger LOG = LoggerFactory.getLogger(DatagramBatch.class);
  private static final int META = DatagramBatchSyscalls.META_BYTES;
  private static final int PEER_OFFSET = DatagramBatchSyscalls.META_FAMILY;
  private static final int PEER_BYTES = META - PEER_OFFSET;

  /** How a batch does its I/O. */
  public enum Mode {
    /** recvmmsg/sendmmsg where the native library loads, else {@link #PLAIN}. */
    BATCHED,
    /** One recvfrom/sendto per datagram through the channel. */
    PLAIN
  }

  private final DatagramChannel channel;
  private final int slots;
  private final int receiveBytes;
  private final int sendBytes;
  private final boolean batched;
  private final int fd;
  private final int family;
  private final ByteBuffer in;
  private final ByteBuffer inMeta;
  private final ByteBuffer out;
  private final ByteBuffer outMeta;
  private final ByteBuffer[] inSlots;
  private final ByteBuffer[] outSlots;
  private final InetSocketAddress[] senders;
  private final long[] senderKeys;
  private final InetSocketAddress[] destinations;
  private final ReentrantReadWriteLock nativeCalls = new ReentrantReadWriteLock();
  private int received;
  private int queued;
  private volatile boolean closed;
  private volatile long receiveCalls;
  private volatile long datagramsReceived;
  private volatile long sendCalls;
  private volatile long datagramsSent;
  private volatile long sendFailures;

  private DatagramBatch(DatagramChannel channel, int slots, int receiveBytes, int sendBytes,
      boolean batched) throws IOException {
    this.channel = channel;
    this.slots = slots;
    this.receiveBytes = receiveBytes;
    this.sendBytes = sendBytes;
    this.batched = batched;
    this.fd = batched ? SocketDescriptors.of(channel) : -1;
    this.family = batched ? DatagramBatchSyscalls.family(fd) : 0;
    this.in = ByteBuffer.allocateDirect(slots * receiveBytes);
    this.out = ByteBuffer.allocateDirect(slots * sendBytes);
    this.inMeta = ByteBuffer.allocateDirect(slots * META).order(ByteOrder.nativeOrder());
    this.outMeta = ByteBuffer.allocateDirect(slots * META).order(ByteOrder.nativeOrder());
    this.inSlots = new ByteBuffer[slots];
    this.outSlots = new ByteBuffer[slots];
    for (int i = 0; i < slots; i++) {
      inSlots[i] = in.slice(i * receiveBytes, receiveBytes);
      outSlots[i] = out.slice(i * sendBytes, sendBytes);
    }
    this.senders = new InetSocketAddress[slots];
    this.senderKeys = new long[slots];
    this.destinations = new InetSocketAddress[slots];
  }

  /**
   * Creates a batch on a bound channel.
   *
   * @param channel an open, bound UDP channel in blocking mode; the batch owns it from now on
   * @param slots datagrams per call, 1 to {@link #MAX_SLOTS}
   * @param receiveBytes room for one received datagram
   * @param sendBytes room for one datagram to send
   * @param mode {@link Mode#BATCHED} (falls back to plain I/O where the library does not load)
   *     or {@link Mode#PLAIN}
   * @return the batch
   * @throws IOException when the channel's descriptor or family cannot be read
   * @throws IllegalArgumentException when a size is out of range
   */
  public static DatagramBatch open(DatagramChannel channel, int slots, int receiveBytes,
      int sendBytes, Mode mode) throws IOException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(mode, "mode");
    Arguments.checkInRange(slots, 1, MAX_SLOTS, "slots");
    Arguments.checkPositive(receiveBytes, "receiveBytes");
    Arguments.checkPositive(sendBytes, "sendBytes");
    boolean batched = mode == Mode.BATCHED && nativeAvailable();
    return new DatagramBatch(channel, slots, receiveBytes, sendBytes, batched);
  }

  /**
   * Whether {@link Mode#BATCHED} would batch here: the native library loads.
   *
   * @return true if recvmmsg/sendmmsg are available
   */
  public static boolean nativeAvailable() {
    return NativeLibrary.isAvailable();
  }

  /**
   * Whether this batch uses recvmmsg/sendmmsg (else one system call per datagram).
   *
   * @return true on the native path
   */
  public boolean isBatched() {
    return batched;
  }

  /**
   * Returns the number of slots.
   *
   * @return datagrams per call at most
   */
  public int slots() {
    return slots;
  }

  /**
   * Waits for a datagram and receives it with whatever else is queued, up to {@link #slots()}
   * (one on the plain path). Earlier datagrams and senders are replaced.
   *
   * @return how many datagrams arrived, at least 1
   * @throws ClosedChannelException when the batch or channel is closed, also while waiting
   * @throws IOException when receiving fails
   */
  public int receive() throws IOException {
    return receive(true);
  }

  /**
   * Receives the datagrams that are queued already, up to {@link #slots()} (one on the plain
   * path), without waiting: for a loop that waits with a {@link java.nio.channels.Selector} on a
   * non-blocking channel (on the plain path a blocking channel would wait here).
   *
   * @return how many datagrams were queued, 0 for none
   * @throws ClosedChannelException when the batch or channel is closed
   * @throws IOException when receiving fails
   */
  public int receiveQueued() throws IOException {
    return receive(false);
  }

  private int receive(boolean wait) throws IOException {
    received = 0;
    if (!batched) {
      ByteBuffer slot = inSlots[0];
      slot.clear();
      InetSocketAddress sender = (InetSocketAddress) channel.receive(slot);
      if (sender == null) {
        return 0;
      }
      senders[0] = sender;
      slot.flip();
      count(1);
      received = 1;
      return 1;
    }
    int n;
    nativeCalls.readLock().lock();
    try {
      checkOpen();
      n = wait ? DatagramBatchSyscalls.receive(fd, in, receiveBytes, inMeta, slots)
          : DatagramBatchSyscalls.receiveQueued(fd, in, receiveBytes, inMeta, slots);
    } finally {
      nativeCalls.readLock().unlock();
    }
    if (n == DatagramBatchSyscalls.NOTHING_QUEUED) {
      return 0;
    }
    if (n == 0) {
      throw new ClosedChannelException();
    }
    for (int i = 0; i < n; i++) {
      ByteBuffer slot = inSlots[i];
      slot.limit(inMeta.getInt(i * META + DatagramBatchSyscalls.META_LENGTH)).position(0);
      senders[i] = decodeSender(i);
    }
    count(n);
    received = n;
    return n;
  }

  private void count(int n) {
    receiveCalls++;
    datagramsReceived += n;
  }

  /**
   * Returns a received datagram: position 0, limit its length. Valid until the next
   * {@link #receive()}; the buffer is the batch's, do not keep it.
   *
   * @param i 0 to {@link #receive()}'s result minus one
   * @return the datagram
   */
  public ByteBuffer datagram(int i) {
    Objects.checkIndex(i, received);
    return inSlots[i];
  }

  /**
   * Returns who sent a received datagram; IPv4 senders to an IPv6 socket appear as IPv4.
   *
   * @param i 0 to {@link #receive()}'s result minus one
   * @return the sender's address
   */
  public InetSocketAddress sender(int i) {
    Objects.checkIndex(i, received);
    return senders[i];
  }

  /**
   * Queues a copy of {@code data} (position to limit; not moved) for {@code to}. When every slot
   * is queued, they are {@link #flush() flushed} first.
   *
   * @param data the datagram, at most the send slot size
   * @param to where it goes
   * @throws IOException from the flush that made room
   * @throws IllegalArgumentException when the datagram is larger than a send slot
   */
  public void queue(ByteBuffer data, InetSocketAddress to) throws IOException {
    Objects.requireNonNull(to, "to");
    int slot = nextSlot(data);
    destinations[slot] = to;
    if (batched) {
      encodePeer(slot, to);
    }
  }

  /**
   * Queues a copy of {@code data} for the sender of received datagram {@code i}, without
   * looking at its address again.
   *
   * @param i a received datagram
   * @param data the reply, at most the send slot size
   * @throws IOException from the flush that made room
   */
  public void queueReply(int i, ByteBuffer data) throws IOException {
    Objects.checkIndex(i, received);
    int slot = nextSlot(data);
    destinations[slot] = senders[i];
    if (batched) {
      outMeta.put(slot * META + PEER_OFFSET, inMeta, i * META + PEER_OFFSET, PEER_BYTES);
    }
  }

  /**
   * Returns how many datagrams are queued and not yet flushed.
   *
   * @return the count
   */
  public int queued() {
    return queued;
  }

  private int nextSlot(ByteBuffer data) throws IOException {
    if (data.remaining() > sendBytes) {
      throw new IllegalArgumentException("datagram : " + data.remaining()
          + " bytes (expected: <= " + sendBytes + ")");
    }
    if (queued == slots) {
      flush();
    }
    int slot = queued++;
    ByteBuffer target = outSlots[slot];
    target.clear();
    target.put(data.duplicate()).flip();
    if (batched) {
      outMeta.putInt(slot * META + DatagramBatchSyscalls.META_LENGTH, target.limit());
    }
    return slot;
  }

  /**
   * Sends every queued datagram, in order: one {@code sendmmsg} (or one {@code sendto} each on
   * the plain path). A datagram the operating system refuses is logged at debug level, counted,
   * and costs only itself.
   *
   * @return how many were sent
   * @throws ClosedChannelException when the batch or channel is closed; the queue is dropped
   * @throws IOException when the socket itself failed; the queue is dropped
   */
  public int flush() throws IOException {
    int count = queued;
    if (count == 0) {
      return 0;
    }
    queued = 0;
    sendCalls++;
    return batched ? flushBatched(count) : flushPlain(count);
  }

  private int flushBatched(int count) throws IOException {
    nativeCalls.readLock().lock();
    try {
      checkOpen();
      DatagramBatchSyscalls.send(fd, family, out, sendBytes, outMeta, count);
    } finally {
      nativeCalls.readLock().unlock();
    }
    int sent = 0;
    for (int i = 0; i < count; i++) {
      int status = outMeta.getInt(i * META + DatagramBatchSyscalls.META_STATUS);
      if (status == 0) {
        sent++;
      } else {
        failed(destinations[i], DatagramBatchSyscalls.sendFailure(status));
      }
      destinations[i] = null;
    }
    datagramsSent += sent;
    return sent;
  }

  private int flushPlain(int count) throws IOException {
    int sent = 0;
    for (int i = 0; i < count; i++) {
      try {
        if (channel.send(outSlots[i], destinations[i]) > 0 || outSlots[i].limit() == 0) {
          sent++;
        } else {
          failed(destinations[i], new IOException("send buffer full"));
        }
      } catch (ClosedChannelException e) {
        throw e;
      } catch (IOException e) {
        failed(destinations[i], e);
      }
      destinations[i] = null;
    }
    datagramsSent += sent;
    return sent;
  }

  private void failed(InetSocketAddress to, IOException e) {
    sendFailures++;
    LOG.debug("datagram to {} failed: {}", to, e.toString());
  }

  /**
   * Returns how many calls moved how many datagrams so far.
   *
   * @return a snapshot of the counters
   */
  public DatagramBatchStats stats() {
    return new DatagramBatchStats(batched, receiveCalls, datagramsReceived, sendCalls,
        datagramsSent, sendFailures);
  }

  /**
   * Whether the batch and its channel are open.
   *
   * @return true until {@link #close()} or the channel closed
   */
  public boolean isOpen() {
    return !closed && channel.isOpen();
  }

  /**
   * Wakes a thread blocked in {@link #receive()}, waits until no native call uses the
   * descriptor, and closes the channel. Idempotent.
   *
   * @throws IOException when closing the channel fails
   */
  @Override
  public void close() throws IOException {
    closed = true;
    if (!batched) {
      channel.close();
      return;
    }
    if (channel.isOpen()) {
      try {
        DatagramBatchSyscalls.shutdown(fd);
      } catch (IOException e) {
        LOG.debug("shutdown failed: {}", e.toString());
      }
    }
    nativeCalls.writeLock().lock();
    try {
      channel.close();
    } finally {
      nativeCalls.writeLock().unlock();
    }
  }

  private void checkOpen() throws ClosedChannelException {
    if (closed || !channel.isOpen()) {
      throw new ClosedChannelException();
    }
  }

  private InetSocketAddress decodeSender(int i) throws IOException {
    int record = i * META;
    int port = inMeta.getInt(record + DatagramBatchSyscalls.META_PORT);
    if (inMeta.getInt(record + DatagramBatchSyscalls.META_FAMILY) == 4) {
      int address = inMeta.getInt(record + DatagramBatchSyscalls.META_ADDRESS);
      // Family 4 in the top bits keeps the key apart from 0, which no cached sender has.
      long key = 4L << 48 | (address & 0xffffffffL) << 16 | port;
      InetSocketAddress cached = senders[i];
      if (cached != null && senderKeys[i] == key) {
        return cached;
      }
      byte[] bytes = new byte[4];
      inMeta.get(record + DatagramBatchSyscalls.META_ADDRESS, bytes);
      senderKeys[i] = key;
      return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
    }
    byte[] bytes = new byte[16];
    inMeta.get(record + DatagramBatchSyscalls.META_ADDRESS, bytes);
    int scope = inMeta.getInt(record + DatagramBatchSyscalls.META_SCOPE);
    senderKeys[i] = 0;
    InetAddress address = scope == 0 ? InetAddress.getByAddress(bytes)
        : Inet6Address.getByAddress(null, bytes, scope);
    return new InetSocketAddress(address, port);
  }

  private void encodePeer(int slot, InetSocketAddress to) {
    InetAddress address = to.getAddress();
    if (address == null) {
      throw new IllegalArgumentException("unresolved address: " + to);
    }
    int record = slot * META;
    byte[] bytes = address.getAddress();
    outMeta.putInt(record + DatagramBatchSyscalls.META_FAMILY, address instanceof Inet4Address
        ? 4 : 6);
    outMeta.putInt(record + DatagramBatchSyscalls.META_PORT, to.getPort());
    outMeta.putInt(record + DatagramBatchSyscalls.META_SCOPE,
        address instanceof Inet6Address six ? six.getScopeId() : 0);
    outMeta.put(record + DatagramBatchSyscalls.META_ADDRESS, bytes);
  }
}
