package dev.netkit.udp;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much of a {@link FaultyProxy}'s delay queue is taken, in total and by each client IP
 * address, and whether one more datagram copy fits: within {@link FaultyProxyConfig#maxQueued()}
 * and {@link FaultyProxyConfig#maxQueuedBytes()} in total, and within
 * {@link FaultyProxyConfig#maxQueuedPerAddress()} and
 * {@link FaultyProxyConfig#maxQueuedBytesPerAddress()} for its address, so that one host cannot
 * take the whole queue. An address is remembered only while it has copies queued, so the map
 * holds at most {@code maxQueued} entries. Not thread-safe (the proxy's one thread uses it).
 */
final class QueueShares {

  /** What one address holds. */
  private static final class Share {
    int copies;
    long bytes;
  }

  private final int maxCopies;
  private final long maxBytes;
  private final int maxCopiesPerAddress;
  private final long maxBytesPerAddress;
  private final Map<InetAddress, Share> byAddress = new HashMap<>();
  private int copies;
  private long bytes;

  /**
   * Creates empty accounts with the configuration's limits.
   *
   * @param config the limits of the queue
   */
  QueueShares(FaultyProxyConfig config) {
    this.maxCopies = config.maxQueued();
    this.maxBytes = config.maxQueuedBytes();
    this.maxCopiesPerAddress = config.maxQueuedPerAddress();
    this.maxBytesPerAddress = config.maxQueuedBytesPerAddress();
  }

  /**
   * Takes room for one copy if it fits, in total and in its address's share.
   *
   * @param host the client IP address the copy belongs to
   * @param length its payload length
   * @return true if taken; false if it would go over a limit (nothing is taken)
   */
  boolean tryAdd(InetAddress host, int length) {
    Objects.requireNonNull(host, "host");
    Share share = byAddress.get(host);
    int held = share == null ? 0 : share.copies;
    long heldBytes = share == null ? 0 : share.bytes;
    if (copies >= maxCopies || bytes + length > maxBytes
        || held >= maxCopiesPerAddress || heldBytes + length > maxBytesPerAddress) {
      return false;
    }
    if (share == null) {
      share = new Share();
      byAddress.put(host, share);
    }
    share.copies++;
    share.bytes += length;
    copies++;
    bytes += length;
    return true;
  }

  /**
   * Gives back the room of a copy that has left the queue (sent or discarded).
   *
   * @param host the client IP address it belonged to
   * @param length its payload length, as added
   * @throws IllegalStateException if the address holds no copy
   */
  void remove(InetAddress host, int length) {
    Share share = byAddress.get(host);
    if (share == null) {
      throw new IllegalStateException("no copy queued for " + host);
    }
    copies--;
    bytes -= length;
    if (--share.copies == 0) {
      byAddress.remove(host);
    } else {
      share.bytes -= length;
    }
  }

  /**
   * Tells whether an address has copies queued.
   *
   * @param host the client IP address
   * @return true if it holds at least one
   */
  boolean holds(InetAddress host) {
    return byAddress.containsKey(host);
  }

  /**
   * Returns how many addresses have copies queued.
   *
   * @return the number of addresses remembered
   */
  int addresses() {
    return byAddress.size();
  }

  /**
   * Returns how many copies are queued.
   *
   * @return copies, all addresses together
   */
  int copies() {
    return copies;
  }

  /**
   * Returns how many payload bytes are queued.
   *
   * @return bytes, all addresses together
   */
  long bytes() {
    return bytes;
  }
}
