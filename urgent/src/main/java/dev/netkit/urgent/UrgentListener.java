package dev.netkit.urgent;

/**
 * Called by an {@link UrgentWatcher} when urgent data arrives: the Java form of the book's
 * {@code $SIG{URG}} handler. It runs on the watcher's thread, one call at a time, so it may block
 * (for example in {@link UrgentSocket#discardToMark()}) while the watcher waits.
 */
@FunctionalInterface
public interface UrgentListener {

  /**
   * Handles one urgent event.
   *
   * @param read {@link UrgentRead.Status#RECEIVED} with the byte, read out of band by the
   *     watcher; or {@link UrgentRead.Status#INLINE} when the socket keeps urgent data inline, so
   *     the byte comes with the normal data (at {@link UrgentSocket#atMark() the mark})
   */
  void onUrgent(UrgentRead read);
}
