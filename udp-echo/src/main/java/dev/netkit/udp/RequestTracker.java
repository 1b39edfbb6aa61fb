package dev.netkit.udp;

import dev.netkit.codec.DatagramText;
import dev.netkit.codec.SequenceFrame;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a {@link SequencedClient} knows about its requests, without sockets or threads: it
 * numbers and frames each request, keeps it pending until its reply, retransmits it when its
 * timer expires ({@link RtoEstimator}, Karn's rule, per-request backoff), gives it up after the
 * last try, matches replies (counting duplicates, out-of-order and malformed ones) and keeps the
 * counters. Sending is the {@link Wire}'s job; time comes in as {@link System#nanoTime()}
 * values, so tests can drive it.
 *
 * <p>Every method but {@link #stats()} and {@link #estimator()} is called by one thread, the
 * client's I/O thread; {@link #stats()} may be called from any thread.
 */
final class RequestTracker {

  /** Sends a request datagram. */
  @FunctionalInterface
  interface Wire {

    /**
     * Sends one datagram to the server; a failure is reported to
     * {@link RequestTracker#sendFailed}, as the timer retransmits anyway.
     *
     * @param sequence the request's sequence number
     * @param datagram the framed request
     */
    void send(long sequence, byte[] datagram);
  }

  private final SequencedClientConfig config;
  private final InetSocketAddress server;
  private final SequencedClientListener listener;
  private final Wire wire;
  private final RtoEstimator estimator;
  private final RttSamples rttSamples;
  private final PendingTable pending;
  private long nextOrder;
  private long lastAnsweredOrder = -1;
  private volatile long sent;
  private volatile long retransmitted;
  private volatile long answered;
  private volatile long duplicates;
  private volatile long outOfOrder;
  private volatile long givenUp;
  private volatile long malformed;
  private volatile long sendErrors;

  /**
   * Creates a tracker with nothing pending.
   *
   * @param config the window, tries, timer bounds and sequence space
   * @param server the server, named in give-up errors
   * @param listener hears retries, duplicates, out-of-order replies and give-ups
   * @param wire sends the datagrams
   */
  RequestTracker(SequencedClientConfig config, InetSocketAddress server,
      SequencedClientListener listener, Wire wire) {
    this.config = config;
    this.server = server;
    this.listener = listener;
    this.wire = wire;
    this.estimator = new RtoEstimator(config.rto());
    this.rttSamples = new RttSamples(config.rttSampleCapacity());
    this.pending = new PendingTable(config.sequenceSpace(), config.firstSequence());
  }

  /**
   * Tells whether the window has room for another request.
   *
   * @return true while fewer than {@link SequencedClientConfig#window()} are pending
   */
  boolean hasRoom() {
    return pending.size() < config.window();
  }

  /**
   * Numbers, frames and sends a new request, and starts its timer.
   *
   * @param payload the request text
   * @param future completed with the reply's payload, or failed when the request is given up
   * @param nowNanos the current time
   */
  void start(String payload, CompletableFuture<String> future, long nowNanos) {
    long sequence = pending.nextSequence();
    byte[] datagram = DatagramText.encode(new SequenceFrame(sequence, payload).format());
    PendingTable.Entry entry = new PendingTable.Entry(sequence, nextOrder++, datagram, future);
    entry.tries = 1;
    entry.firstSentNanos = nowNanos;
    pending.add(entry, nowNanos + estimator.retransmissionTimeoutNanos(0));
    sent++;
    wire.send(sequence, datagram);
  }

  /**
   * Retransmits every request whose timer has expired, or gives it up after its last try.
   *
   * @param nowNanos the current time
   */
  void expire(long nowNanos) {
    PendingTable.Entry entry;
    while ((entry = pending.firstExpired(nowNanos)) != null) {
      if (entry.tries >= config.maxTries()) {
        pending.remove(entry.sequence);
        givenUp++;
        listener.gaveUp(entry.sequence, entry.tries);
        entry.future.completeExceptionally(
            new RequestGivenUpException(entry.sequence, entry.tries, server));
      } else {
        entry.tries++;
        retransmitted++;
        listener.retrying(entry.sequence, entry.tries);
        pending.reschedule(entry,
            nowNanos + estimator.retransmissionTimeoutNanos(entry.tries - 1));
        wire.send(entry.sequence, entry.datagram);
      }
    }
  }

  /**
   * Takes a reply: completes its request, or counts it as a duplicate or malformed.
   *
   * @param text the reply's text
   * @param nowNanos when it arrived
   */
  void reply(String text, long nowNanos) {
    Optional<SequenceFrame> frame = SequenceFrame.parse(text);
    if (frame.isEmpty()) {
      malformed++;
      listener.malformed(text);
      return;
    }
    long sequence = frame.get().sequence();
    PendingTable.Entry entry = pending.remove(sequence);
    if (entry == null) {
      duplicates++;
      listener.duplicate(sequence);
      return;
    }
    if (entry.tries == 1) {
      long rtt = nowNanos - entry.firstSentNanos;
      estimator.sampleNanos(rtt);
      rttSamples.add(rtt);
    }
    if (entry.order < lastAnsweredOrder) {
      outOfOrder++;
      listener.outOfOrder(sequence);
    } else {
      lastAnsweredOrder = entry.order;
    }
    answered++;
    entry.future.complete(frame.get().payload());
  }

  /** Counts a send the OS refused; the request stays pending and its timer retransmits it. */
  void sendFailed() {
    sendErrors++;
  }

  /**
   * Returns the earliest retransmission deadline.
   *
   * @return the deadline, or empty when nothing is pending (no timer needed)
   */
  OptionalLong nextDeadline() {
    return pending.nextDeadline();
  }

  /**
   * Fails every pending request and forgets it.
   *
   * @param cause makes what each future fails with
   */
  void failAll(Supplier<? extends Throwable> cause) {
    pending.removeAll().forEach(entry -> entry.future.completeExceptionally(cause.get()));
  }

  /**
   * Returns the round-trip estimator.
   *
   * @return the estimator (thread-safe)
   */
  RtoEstimator estimator() {
    return estimator;
  }

  /**
   * Returns the counters and round-trip figures so far.
   *
   * @return a snapshot
   */
  SequencedClientStats stats() {
    Duration[] rtt = rttSamples.percentiles(50, 90, 99, 100);
    return new SequencedClientStats(sent, retransmitted, answered, duplicates, outOfOrder,
        givenUp, malformed, sendErrors, rttSamples.count(), rtt[0], rtt[1], rtt[2], rtt[3],
        estimator.srtt().orElse(Duration.ZERO), estimator.rto());
  }
}
