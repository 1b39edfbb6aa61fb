package dev.netkit.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The reading and waiting that netkit's selector-driven UDP clients and relay share: drain a
 * non-blocking channel, wait on a selector until a deadline.
 */
final class Datagrams {

  /** Takes one received datagram. */
  @FunctionalInterface
  interface Receiver {

    /**
     * Handles a datagram.
     *
     * @param from its source
     * @param datagram its bytes, from position to limit; reused for the next one
     * @throws IOException if handling it fails so that reading must stop
     */
    void received(InetSocketAddress from, ByteBuffer datagram) throws IOException;
  }

  private Datagrams() {
  }

  /**
   * Reads every datagram waiting on a non-blocking channel. An ICMP port unreachable that the
   * OS reports on the channel (an earlier send found nobody listening) goes to
   * {@code onUnreachable}, and reading goes on: the error is cleared by reporting it.
   *
   * @param channel the channel, non-blocking
   * @param buffer where each datagram is read (a longer one is cut to fit)
   * @param receiver gets each datagram
   * @param onUnreachable gets each port-unreachable report
   * @throws IOException if receiving fails otherwise, or the receiver fails
   */
  static void drain(DatagramChannel channel, ByteBuffer buffer, Receiver receiver,
      Consumer<PortUnreachableException> onUnreachable) throws IOException {
    while (true) {
      buffer.clear();
      SocketAddress from;
      try {
        from = channel.receive(buffer);
      } catch (PortUnreachableException e) {
        onUnreachable.accept(e);
        continue;
      }
      if (from == null) {
        return;
      }
      buffer.flip();
      receiver.received((InetSocketAddress) from, buffer);
    }
  }

  /**
   * Waits until a channel of the selector is ready or the deadline has come. The caller empties
   * the selected-key set.
   *
   * @param selector the selector
   * @param deadlineNanos when to stop waiting ({@link System#nanoTime()} scale), or empty to
   *     wait for a channel only
   * @throws IOException if selecting fails
   */
  static void await(Selector selector, OptionalLong deadlineNanos) throws IOException {
    if (deadlineNanos.isEmpty()) {
      selector.select();
    } else {
      long waitNanos = deadlineNanos.getAsLong() - System.nanoTime();
      if (waitNanos <= 0) {
        selector.selectNow();
      } else {
        // Round up: waking before the deadline would only cost another select.
        selector.select(TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
      }
    }
  }
}
