package dev.netkit.jni.internal;

import java.io.Closeable;
import java.io.IOException;

/**
 * Wakes a thread blocked in {@link Poll#poll(int, int, PollWaker, int)} from another thread (an
 * {@code eventfd(2)}). Once woken it stays woken until {@link #clear()}. Close it only after no
 * thread polls on it any more: its descriptor number could otherwise be reused meanwhile.
 */
public final class PollWaker implements Closeable {

  private final int fd;
  private boolean closed;

  /**
   * Opens a waker.
   *
   * @throws IOException naming {@code eventfd}, e.g. when the process is out of descriptors
   */
  public PollWaker() throws IOException {
    this.fd = Natives.eventOpen();
  }

  /**
   * Wakes every poller of this waker, now or at its next poll.
   *
   * @throws IOException naming {@code write(eventfd)} when the waker is closed
   */
  public void wake() throws IOException {
    Natives.eventSignal(fd);
  }

  /**
   * Makes the waker quiet again.
   *
   * @throws IOException naming {@code read(eventfd)} when the waker is closed
   */
  public void clear() throws IOException {
    Natives.eventDrain(fd);
  }

  int descriptor() {
    return fd;
  }

  /**
   * Releases the descriptor; later calls do nothing.
   *
   * @throws IOException naming {@code close}
   */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      Natives.close(fd);
    }
  }
}
