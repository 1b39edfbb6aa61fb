package dev.netkit.udp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The requests of a {@link SequencedClient} that await a reply (the book's {@code %PENDING}),
 * keyed by sequence number and ordered by retransmission deadline, and the allocation of sequence
 * numbers. Sequence numbers count up from a first number and wrap to 0 at the end of the sequence
 * space; a number still pending is skipped, so two pending requests never share one, also after
 * wrap-around. Used by one thread only.
 */
final class PendingTable {

  /** One request awaiting its reply. */
  static final class Entry {
    final long sequence;
    final long order;
    final byte[] datagram;
    final CompletableFuture<String> future;
    int tries;
    long firstSentNanos;
    long deadlineNanos;

    Entry(long sequence, long order, byte[] datagram, CompletableFuture<String> future) {
      this.sequence = sequence;
      this.order = order;
      this.datagram = datagram;
      this.future = future;
    }
  }

  private static final Comparator<Entry> BY_DEADLINE =
      Comparator.<Entry>comparingLong(e -> e.deadlineNanos).thenComparingLong(e -> e.order);

  private final long sequenceSpace;
  private final Map<Long, Entry> bySequence = new HashMap<>();
  private final TreeSet<Entry> byDeadline = new TreeSet<>(BY_DEADLINE);
  private long nextSequence;

  /**
   * Creates an empty table.
   *
   * @param sequenceSpace how many sequence numbers there are: 0 to {@code sequenceSpace - 1}
   * @param firstSequence the first number to hand out
   */
  PendingTable(long sequenceSpace, long firstSequence) {
    this.sequenceSpace = sequenceSpace;
    this.nextSequence = firstSequence;
  }

  /**
   * Hands out the next sequence number that is not pending.
   *
   * @return the number
   * @throws IllegalStateException if every number is pending
   */
  long nextSequence() {
    if (bySequence.size() >= sequenceSpace) {
      throw new IllegalStateException("every sequence number is pending: " + sequenceSpace);
    }
    long candidate = nextSequence;
    while (bySequence.containsKey(candidate)) {
      candidate = advance(candidate);
    }
    nextSequence = advance(candidate);
    return candidate;
  }

  private long advance(long sequence) {
    return sequence + 1 >= sequenceSpace ? 0 : sequence + 1;
  }

  /**
   * Adds a request with its first deadline.
   *
   * @param entry the request; its sequence number must not be pending
   * @param deadlineNanos when to retransmit ({@link System#nanoTime()} scale)
   */
  void add(Entry entry, long deadlineNanos) {
    if (bySequence.putIfAbsent(entry.sequence, entry) != null) {
      throw new IllegalStateException("sequence " + entry.sequence + " is already pending");
    }
    entry.deadlineNanos = deadlineNanos;
    byDeadline.add(entry);
  }

  /**
   * Removes the request with a sequence number.
   *
   * @param sequence the number of a reply
   * @return the request, or null if none is pending under that number
   */
  Entry remove(long sequence) {
    Entry entry = bySequence.remove(sequence);
    if (entry != null) {
      byDeadline.remove(entry);
    }
    return entry;
  }

  /**
   * Returns the pending request whose deadline is the earliest, if it has passed.
   *
   * @param nowNanos the current time
   * @return the request (still in the table), or null if no deadline has passed
   */
  Entry firstExpired(long nowNanos) {
    if (byDeadline.isEmpty()) {
      return null;
    }
    Entry first = byDeadline.first();
    return first.deadlineNanos - nowNanos <= 0 ? first : null;
  }

  /**
   * Gives a pending request a new deadline.
   *
   * @param entry a pending request
   * @param deadlineNanos its new deadline
   */
  void reschedule(Entry entry, long deadlineNanos) {
    byDeadline.remove(entry);
    entry.deadlineNanos = deadlineNanos;
    byDeadline.add(entry);
  }

  /**
   * Returns the earliest deadline: none when nothing is pending, so no timer is needed.
   *
   * @return the deadline, or empty
   */
  OptionalLong nextDeadline() {
    return byDeadline.isEmpty() ? OptionalLong.empty()
        : OptionalLong.of(byDeadline.first().deadlineNanos);
  }

  /**
   * Returns how many requests are pending.
   *
   * @return the count
   */
  int size() {
    return bySequence.size();
  }

  /**
   * Removes and returns every pending request.
   *
   * @return the requests
   */
  List<Entry> removeAll() {
    List<Entry> all = new ArrayList<>(bySequence.values());
    bySequence.clear();
    byDeadline.clear();
    return all;
  }
}
