package dev.netkit.jni.internal;

import dev.netkit.jni.NativeLibrary;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code poll(2)} on one descriptor, optionally together with a {@link PollWaker} so that another
 * thread can end the wait. The event bits are the platform's, read from C (0 when the native
 * library is unavailable; {@link #poll} then throws
 * {@link dev.netkit.jni.NativeLibraryUnavailableException}).
 */
public final class Poll {

  private static final int[] CONSTANTS = constants();

  /** Normal data can be read. */
  public static final int IN = CONSTANTS[Natives.POLLIN_INDEX];
  /** Urgent (out-of-band) data can be read: TCP's "exceptional condition". */
  public static final int PRI = CONSTANTS[Natives.POLLPRI_INDEX];
  /** Data can be written. */
  public static final int OUT = CONSTANTS[Natives.POLLOUT_INDEX];
  /** An error is pending (always reported). */
  public static final int ERR = CONSTANTS[Natives.POLLERR_INDEX];
  /** Both directions are shut down (always reported). */
  public static final int HUP = CONSTANTS[Natives.POLLHUP_INDEX];
  /** The descriptor is not open (always reported). */
  public static final int NVAL = CONSTANTS[Natives.POLLNVAL_INDEX];
  /** The peer shut down its sending side: everything it sent has arrived. */
  public static final int RDHUP = CONSTANTS[Natives.POLLRDHUP_INDEX];
  /** Set in a result when the {@link PollWaker} was woken; not a platform bit. */
  public static final int WOKEN = Natives.POLL_WOKEN;

  private Poll() {
  }

  /**
   * Waits until {@code fd} reports one of {@code events} (or {@link #ERR}, {@link #HUP},
   * {@link #NVAL}); retries after signals for the rest of the time.
   *
   * @param fd the descriptor, or -1 to just wait
   * @param events the bits to wait for
   * @param timeoutMillis how long to wait; negative waits forever, 0 only checks
   * @return the reported bits; 0 on timeout
   * @throws IOException naming {@code poll}
   */
  public static int poll(int fd, int events, int timeoutMillis) throws IOException {
    return Natives.poll(fd, events, -1, timeoutMillis);
  }

  /**
   * Like {@link #poll(int, int, int)}, but {@link PollWaker#wake()} ends the wait too; the result
   * then has {@link #WOKEN} set (the waker stays woken until {@link PollWaker#clear()}).
   *
   * @param fd the descriptor, or -1 to wait for the waker only
   * @param events the bits to wait for
   * @param waker the waker to watch too
   * @param timeoutMillis how long to wait; negative waits forever, 0 only checks
   * @return the reported bits, plus {@link #WOKEN}; 0 on timeout
   * @throws IOException naming {@code poll}
   */
  public static int poll(int fd, int events, PollWaker waker, int timeoutMillis)
      throws IOException {
    return Natives.poll(fd, events, Objects.requireNonNull(waker, "waker").descriptor(),
        timeoutMillis);
  }

  /** The platform's bits; all 0 without the library (every call then fails naming why). */
  private static int[] constants() {
    return NativeLibrary.isAvailable() ? Natives.pollConstants() : new int[Natives.POLL_COUNT];
  }
}
