package dev.netkit.urgent;

import dev.netkit.jni.internal.Poll;
import dev.netkit.jni.internal.UrgentSyscalls;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps normal reads and urgent data of one socket in order. Linux forgets an urgent byte that a
 * normal read steps over (the read skips it and clears the kernel's urgent state), and a read that
 * starts at the mark does step over it. The book's programs escape this because {@code SIGURG}
 * interrupts the read; threads are not interrupted, so every read of this module first passes
 * through this gate:
 * <ul>
 *   <li>with no watcher, a pending urgent byte is read out of band and queued for
 *       {@link UrgentSocket#readUrgent()} before the normal read goes on;</li>
 *   <li>with a watcher, the read waits until the watcher has taken the byte and its listener has
 *       returned, as the book's read resumes only after the {@code SIGURG} handler; with urgent
 *       data inline, until the listener was told.</li>
 * </ul>
 */
final class UrgentGate {

  /** Bytes kept at most; more (a flood of urgent data nobody reads) drop the oldest. */
  static final int MAX_TAKEN = 64;

  private static final Logger LOG = LoggerFactory.getLogger(UrgentGate.class);
  private static final int WAIT_SLICE_MILLIS = 100;

  private final Object lock = new Object();
  private final Deque<Byte> taken = new ArrayDeque<>();
  private UrgentWatcher watcher;
  private Thread deliveringThread;
  /** The current POLLPRI condition has nothing (more) to take: inline, stale, or not arrived. */
  private boolean priHandled;
  /** INLINE is to be reported to the watcher's listener. */
  private boolean inlinePending;

  /** What a read learned before it went ahead. */
  enum Passage {
    /** The read cannot end an urgent condition (it reads inline data before the mark). */
    BEFORE_INLINE_MARK,
    /** The read ends the current urgent condition, if any: normal data out of band, or the
     * inline urgent byte itself. */
    ENDS_CONDITION
  }

  // ---- reads ------------------------------------------------------------------------------------

  /** {@link UrgentSocket#readUrgent()}: a queued byte first, else the kernel's. */
  UrgentRead readUrgent(int fd) throws IOException {
    synchronized (lock) {
      Byte first = taken.poll();
      return first != null ? UrgentRead.received(first) : UrgentSocket.readUrgent(fd);
    }
  }

  /** Whether bytes were taken out of band and not yet handed out. */
  boolean hasTaken() {
    synchronized (lock) {
      return !taken.isEmpty();
    }
  }

  /**
   * Called before a normal read; returns once the read may go ahead. On the thread of a running
   * listener it never waits (the listener may read, e.g. discard to the mark).
   */
  Passage beforeRead(Endpoint endpoint) throws IOException {
    int fd = endpoint.descriptor();
    synchronized (lock) {
      while (true) {
        boolean pri = (Poll.poll(fd, Poll.PRI, 0) & Poll.PRI) != 0;
        // Inline is asked every time: an urgent byte may arrive between here and the read.
        boolean inline = UrgentSyscalls.isOobInline(fd);
        if (watcher == null || deliveringThread == Thread.currentThread()) {
          if (pri && !inline) {
            takeLocked(fd);
          }
          return crossing(fd, inline);
        }
        boolean handedOut = deliveringThread == null && taken.isEmpty() && !inlinePending;
        if (handedOut && !(pri && !priHandled)) {
          return crossing(fd, inline);
        }
        lock.notifyAll();
        waitLocked(endpoint);
      }
    }
  }

  /**
   * Called after a normal read: like the book's {@code $ok_to_read_oob}, normal data makes the
   * next POLLPRI worth handling again; inline, only the urgent byte itself does.
   */
  void afterRead(Passage passage) {
    if (passage == Passage.ENDS_CONDITION) {
      synchronized (lock) {
        priHandled = false;
        lock.notifyAll();
      }
    }
  }

  private static Passage crossing(int fd, boolean inline) throws IOException {
    return inline && !UrgentSyscalls.atMark(fd)
        ? Passage.BEFORE_INLINE_MARK
        : Passage.ENDS_CONDITION;
  }

  // ---- the watcher ------------------------------------------------------------------------------

  void attach(UrgentWatcher newWatcher) {
    synchronized (lock) {
      if (watcher != null) {
        throw new IllegalStateException("a watcher is already running on this socket");
      }
      watcher = newWatcher;
    }
  }

  void detach(UrgentWatcher oldWatcher) {
    synchronized (lock) {
      if (watcher == oldWatcher) {
        watcher = null;
        deliveringThread = null;
        lock.notifyAll();
      }
    }
  }

  /**
   * The watcher saw POLLPRI: takes the byte out of band, or notes inline data or a condition with
   * nothing to take (so that reads do not wait for it).
   */
  void urgentCondition(int fd) throws IOException {
    synchronized (lock) {
      UrgentRead read = takeLocked(fd);
      if (read.status() == UrgentRead.Status.INLINE) {
        if (!priHandled) {
          inlinePending = true;
        }
        priHandled = true;
      } else if (!read.isReceived()) {
        priHandled = true;
      }
    }
  }

  /** The watcher saw POLLPRI clear. */
  void conditionCleared() {
    synchronized (lock) {
      priHandled = false;
    }
  }

  /** Hands everything queued to the listener, one call at a time; true when it called it. */
  boolean deliver(UrgentListener listener) {
    boolean delivered = false;
    while (true) {
      UrgentRead next;
      synchronized (lock) {
        Byte data = taken.poll();
        next = data != null ? UrgentRead.received(data) : inlinePending ? UrgentRead.INLINE : null;
        inlinePending = false;
        if (next == null) {
          deliveringThread = null;
          lock.notifyAll();
          return delivered;
        }
        deliveringThread = Thread.currentThread();
      }
      delivered = true;
      try {
        listener.onUrgent(next);
      } catch (RuntimeException e) {
        LOG.warn("urgent listener failed on {}", next, e);
      }
    }
  }

  /** The watcher's pause while POLLPRI lasts; a read that needs the watcher cuts it short. */
  void pause(int millis) throws InterruptedException {
    synchronized (lock) {
      lock.wait(millis);
    }
  }

  /** Wakes a pausing watcher (to stop it). */
  void wakeUp() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  // ---- shared -----------------------------------------------------------------------------------

  private UrgentRead takeLocked(int fd) throws IOException {
    UrgentRead read = UrgentSocket.readUrgent(fd);
    if (read.isReceived()) {
      if (taken.size() == MAX_TAKEN) {
        LOG.warn("more than {} urgent bytes not handed out; dropping the oldest", MAX_TAKEN);
        taken.poll();
      }
      taken.add(read.data());
    }
    return read;
  }

  private void waitLocked(Endpoint endpoint) throws IOException {
    try {
      lock.wait(WAIT_SLICE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while urgent data was handled");
    }
    endpoint.ensureOpen();
  }
}
