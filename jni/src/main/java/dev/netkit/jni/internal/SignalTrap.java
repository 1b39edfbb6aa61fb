package dev.netkit.jni.internal;

import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.NativeLibraryUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Receives POSIX signals as values, so that a program can react to Ctrl-C ({@code SIGINT}) and
 * Ctrl-\ ({@code SIGQUIT}) the way the book's Perl programs do with {@code $SIG{INT}} and
 * {@code $SIG{QUIT}}. The JDK's {@code sun.misc.Signal} refuses {@code SIGQUIT}, which the JVM
 * keeps for thread dumps, so this class uses the self-pipe trick in C: the handler writes the
 * signal number to a pipe and {@link #await()} reads it.
 *
 * <p><b>Process-wide:</b> installing a trap replaces the JVM's own handler for its signals until
 * {@link #close()} puts it back. While {@code SIGINT} is trapped, Ctrl-C no longer runs shutdown
 * hooks; while {@code SIGQUIT} is trapped, it no longer prints a thread dump or starts the attach
 * listener ({@code jcmd}). All traps share one pipe: have one thread await signals.
 */
public final class SignalTrap implements Closeable {

  /** The signals a program may trap; the JVM needs the others. */
  public enum Signal {
    /** Interrupt, Ctrl-C at a terminal. */
    INT(Natives.SIGINT_INDEX),
    /** Quit, Ctrl-\ at a terminal. */
    QUIT(Natives.SIGQUIT_INDEX),
    /** Terminal window size changed (harmless; useful for tests). */
    WINCH(Natives.SIGWINCH_INDEX);

    private final int index;

    Signal(int index) {
      this.index = index;
    }

    /**
     * Returns the platform's number of this signal.
     *
     * @return e.g. 2 for {@code SIGINT} on Linux
     */
    public int number() {
      NativeLibrary.ensureAvailable();
      return Numbers.VALUES[index];
    }
  }

  /** Read lazily so that the enum can be used without the library. */
  private static final class Numbers {
    static final int[] VALUES = load();

    private static int[] load() {
      return Natives.signalConstants();
    }
  }

  private final Set<Signal> signals;
  private final int readFd;
  private boolean closed;

  private SignalTrap(Set<Signal> signals, int readFd) {
    this.signals = signals;
    this.readFd = readFd;
  }

  /**
   * Installs handlers for the given signals.
   *
   * @param first a signal to trap
   * @param more more signals to trap
   * @return the trap; {@link #close()} it to restore the previous handlers
   * @throws IOException naming {@code sigaction} when a handler cannot be installed
   * @throws NativeLibraryUnavailableException when the native library is not available
   */
  public static SignalTrap install(Signal first, Signal... more) throws IOException {
    NativeLibrary.ensureAvailable();
    Set<Signal> signals = EnumSet.of(Objects.requireNonNull(first, "first"), more);
    int readFd = -1;
    for (Signal signal : signals) {
      readFd = Natives.trapSignal(signal.number());
    }
    // Signals from before this trap, and the wake-up of an earlier trap's close(), are stale.
    while ((Poll.poll(readFd, Poll.IN, 0) & Poll.IN) != 0) {
      Natives.awaitSignal(readFd);
    }
    return new SignalTrap(signals, readFd);
  }

  /**
   * Blocks until one of the trapped signals arrives (any trap's, as they share one pipe), or
   * until this trap is closed.
   *
   * @return the signal; empty once the trap is closed
   * @throws IOException naming {@code read(signal pipe)} when the pipe fails
   */
  public Optional<Signal> await() throws IOException {
    while (true) {
      int number = Natives.awaitSignal(readFd);
      if (number == 0) {
        if (isClosed()) {
          return Optional.empty();
        }
        continue;
      }
      for (Signal signal : Signal.values()) {
        if (signal.number() == number) {
          return Optional.of(signal);
        }
      }
      throw new IOException("signal pipe delivered unknown signal number " + number);
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Returns the signals of this trap.
   *
   * @return an unmodifiable set
   */
  public Set<Signal> signals() {
    return Set.copyOf(signals);
  }

  /**
   * Restores the handlers that were installed before this trap, and ends a blocked
   * {@link #await()}; later calls do nothing.
   *
   * @throws IOException naming {@code sigaction}
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    for (Signal signal : signals) {
      Natives.releaseSignal(signal.number());
    }
    Natives.wakeSignalAwaiter();
  }
}
