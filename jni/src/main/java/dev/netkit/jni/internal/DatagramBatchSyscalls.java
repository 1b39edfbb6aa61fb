package dev.netkit.jni.internal;

import dev.netkit.jni.NativeLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Batched UDP datagram I/O on the descriptor of a JDK {@code DatagramChannel}:
 * {@code recvmmsg(2)} and {@code sendmmsg(2)}, which the JDK lacks. One call moves up to
 * {@link #BATCH_MAX} datagrams. Internal to netkit: {@code dev.netkit.server.DatagramBatch} is the
 * API built on it.
 *
 * <p>Two direct buffers carry a batch: {@code data}, {@code count} slots of {@code slotBytes}
 * (slot {@code i} at {@code i * slotBytes}), and {@code meta}, {@code count} records of
 * {@link #META_BYTES} in native byte order. A record holds a datagram's length
 * ({@link #META_LENGTH}), on receive its full length ({@link #META_FULL_LENGTH}) and flags
 * ({@link #META_STATUS}, {@link #FLAG_TRUNCATED}), on send its status ({@link #META_STATUS}: 0 or
 * {@code -errno}), and the peer: {@link #META_FAMILY} 4 or 6, {@link #META_PORT},
 * {@link #META_SCOPE} (IPv6 scope id) and 4 or 16 bytes at {@link #META_ADDRESS}. IPv4-mapped IPv6
 * senders are reported as IPv4, and an IPv4 destination on an IPv6 socket is sent to its mapped
 * address.
 *
 * <p>Calls retry on {@code EINTR} and, should the descriptor be in non-blocking mode, wait with
 * {@code poll} instead of failing with {@code EAGAIN}. Errors become {@link IOException}s naming
 * the system call, as everywhere in netkit. The caller must keep the channel open while a call
 * runs: wake a blocked {@link #receive} with {@link #shutdown} and wait for it to return before
 * closing the channel, or the descriptor number may meanwhile name another file.
 */
public final class DatagramBatchSyscalls {

  /** The most datagrams one call moves. */
  public static final int BATCH_MAX = 256;
  /** The size of one meta record. */
  public static final int META_BYTES = 40;
  /** Offset of the int length: bytes in the slot (receive), bytes to send (send). */
  public static final int META_LENGTH = 0;
  /** Offset of the int full length of a received datagram (more than its slot when truncated). */
  public static final int META_FULL_LENGTH = 4;
  /** Offset of the int flags (receive, {@link #FLAG_TRUNCATED}) or status (send, 0 or -errno). */
  public static final int META_STATUS = 8;
  /** Offset of the int address family: 4 or 6. */
  public static final int META_FAMILY = 12;
  /** Offset of the int port. */
  public static final int META_PORT = 16;
  /** Offset of the int IPv6 scope id (0 for none). */
  public static final int META_SCOPE = 20;
  /** Offset of the address bytes (4 for IPv4, 16 for IPv6). */
  public static final int META_ADDRESS = 24;
  /** {@link #receiveQueued} result: no datagram is queued. */
  public static final int NOTHING_QUEUED = -1;
  /** Receive flag: the datagram was longer than its slot and was cut. */
  public static final int FLAG_TRUNCATED = 1;

  static {
    NativeLibrary.ensureAvailable();
  }

  private DatagramBatchSyscalls() {
  }

  private static native int receive0(int fd, ByteBuffer data, int slotBytes, ByteBuffer meta,
      int count, boolean wait);

  private static native int send0(int fd, int socketFamily, ByteBuffer data, int slotBytes,
      ByteBuffer meta, int count);

  private static native int family0(int fd);

  private static native int shutdown0(int fd);

  /**
   * Receives up to {@code count} datagrams ({@code recvmmsg} with {@code MSG_WAITFORONE}):
   * blocks until one arrives, then takes what else is queued without waiting.
   *
   * @param fd a UDP socket
   * @param data direct buffer of at least {@code count * slotBytes} bytes
   * @param slotBytes the room for one datagram; a longer one is cut and flagged
   * @param meta direct buffer of at least {@code count * META_BYTES} bytes, native order
   * @param count 1 to {@link #BATCH_MAX}
   * @return how many were received (records 0 to n-1 are filled), or 0 when the socket was
   *     {@link #shutdown shut down}
   * @throws IOException naming {@code recvmmsg}
   * @throws IllegalArgumentException when a buffer is not direct or too small, or count is out
   *     of range
   */
  public static int receive(int fd, ByteBuffer data, int slotBytes, ByteBuffer meta, int count)
      throws IOException {
    checkBuffers(data, slotBytes, meta, count);
    return Errors.check(receive0(fd, data, slotBytes, meta, count, true), "recvmmsg");
  }

  /**
   * Receives up to {@code count} datagrams that are queued already, without waiting
   * ({@code recvmmsg} with {@code MSG_DONTWAIT}); for a loop that waits with a selector.
   *
   * @param fd a UDP socket
   * @param data as for {@link #receive}
   * @param slotBytes as for {@link #receive}
   * @param meta as for {@link #receive}
   * @param count 1 to {@link #BATCH_MAX}
   * @return how many were received, 0 when the socket was shut down, or
   *     {@link #NOTHING_QUEUED}
   * @throws IOException naming {@code recvmmsg}
   * @throws IllegalArgumentException as for {@link #receive}
   */
  public static int receiveQueued(int fd, ByteBuffer data, int slotBytes, ByteBuffer meta,
      int count) throws IOException {
    checkBuffers(data, slotBytes, meta, count);
    int result = receive0(fd, data, slotBytes, meta, count, false);
    if (Errors.wouldBlock(result)) {
      return NOTHING_QUEUED;
    }
    return Errors.check(result, "recvmmsg");
  }

  /**
   * Sends {@code count} datagrams ({@code sendmmsg} with {@code MSG_NOSIGNAL}), each to the
   * peer in its record. The kernel stops at a datagram that fails (an unreachable destination,
   * say); that datagram's {@link #META_STATUS} gets {@code -errno} and the rest are sent by
   * further calls, so one bad destination costs one datagram.
   *
   * @param fd a UDP socket
   * @param socketFamily the socket's family, from {@link #family(int)}
   * @param data direct buffer: datagram {@code i} at {@code i * slotBytes}
   * @param slotBytes the distance between datagrams
   * @param meta direct buffer, native order: length and peer of each datagram; receives statuses
   * @param count 1 to {@link #BATCH_MAX}
   * @throws IOException naming {@code sendmmsg} when the socket itself failed (closed, shut
   *     down): then the datagrams from the first with status not yet set may not have gone
   * @throws IllegalArgumentException as for {@link #receive}
   */
  public static void send(int fd, int socketFamily, ByteBuffer data, int slotBytes,
      ByteBuffer meta, int count) throws IOException {
    checkBuffers(data, slotBytes, meta, count);
    Errors.check(send0(fd, socketFamily, data, slotBytes, meta, count), "sendmmsg");
  }

  /**
   * Returns the address family of a socket ({@code SO_DOMAIN}).
   *
   * @param fd a socket
   * @return 4 or 6
   * @throws IOException naming {@code getsockopt}, also for a non-IP socket
   */
  public static int family(int fd) throws IOException {
    return Errors.check(family0(fd), "getsockopt");
  }

  /**
   * Shuts the socket down both ways ({@code shutdown(SHUT_RDWR)}): a thread blocked in
   * {@link #receive} returns 0, and later sends fail.
   *
   * @param fd the socket
   * @throws IOException naming {@code shutdown}
   */
  public static void shutdown(int fd) throws IOException {
    Errors.check(shutdown0(fd), "shutdown");
  }

  /**
   * The exception for a failed datagram's {@link #META_STATUS}.
   *
   * @param status a negative status
   * @return the exception naming {@code sendmmsg}, not thrown
   */
  public static IOException sendFailure(int status) {
    return Errors.exception(-status, "sendmmsg");
  }

  private static void checkBuffers(ByteBuffer data, int slotBytes, ByteBuffer meta, int count) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(meta, "meta");
    if (count < 1 || count > BATCH_MAX) {
      throw new IllegalArgumentException("count : " + count + " (expected: 1 to " + BATCH_MAX
          + ")");
    }
    if (slotBytes < 1) {
      throw new IllegalArgumentException("slotBytes : " + slotBytes + " (expected: > 0)");
    }
    if (!data.isDirect() || !meta.isDirect()) {
      throw new IllegalArgumentException("data and meta must be direct buffers");
    }
    if ((long) count * slotBytes > data.capacity()) {
      throw new IllegalArgumentException("data : " + data.capacity() + " bytes (expected: >= "
          + (long) count * slotBytes + ")");
    }
    if ((long) count * META_BYTES > meta.capacity()) {
      throw new IllegalArgumentException("meta : " + meta.capacity() + " bytes (expected: >= "
          + (long) count * META_BYTES + ")");
    }
  }
}
