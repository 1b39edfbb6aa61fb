package dev.netkit.travesty.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide number of analysed words that all models together may hold: a model's memory
 * grows with the words analysed, so this bounds the memory of all sessions, whatever the number
 * of clients. Sessions reserve words as their model grows and release them on reset and close.
 * Thread-safe.
 */
final class WordBudget {

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  WordBudget(long limit) {
    this.limit = limit;
  }

  /** Reserves {@code words} more; false (nothing reserved) when that would pass the limit. */
  boolean reserve(long words) {
    while (true) {
      long now = used.get();
      if (now + words > limit) {
        return false;
      }
      if (used.compareAndSet(now, now + words)) {
        return true;
      }
    }
  }

  void release(long words) {
    used.addAndGet(-words);
  }

  long used() {
    return used.get();
  }

  long limit() {
    return limit;
  }
}
