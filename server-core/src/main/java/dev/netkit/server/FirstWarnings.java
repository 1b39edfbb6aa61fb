package dev.netkit.server;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs what a peer can cause over and over without flooding the log: the first event of each
 * kind at WARN (with a note that further ones go to DEBUG), every later one at DEBUG. The events
 * themselves belong in a server's statistics; this only keeps the log readable under attack.
 * Remembers at most {@value #MAX_KINDS} kinds (after that, everything goes to DEBUG). Thread-safe.
 */
public final class FirstWarnings {

  /** Kinds remembered at most; a kind is a small fixed set in practice (an exception class). */
  public static final int MAX_KINDS = 256;

  private final Logger log;
  private final Set<Object> warned = ConcurrentHashMap.newKeySet();

  /**
   * Creates the filter.
   *
   * @param log where to log
   */
  public FirstWarnings(Logger log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Logs one event: at WARN if it is the first of its kind, else at DEBUG.
   *
   * @param kind what makes two events the same kind (a string, an exception class)
   * @param format an SLF4J message format
   * @param arguments its arguments; a last {@link Throwable} is logged with its stack trace at
   *     WARN only
   */
  public void log(Object kind, String format, Object... arguments) {
    Objects.requireNonNull(kind, "kind");
    if (warned.size() < MAX_KINDS && warned.add(kind)) {
      log.warn(format + " (further ones at debug level)", arguments);
    } else if (log.isDebugEnabled()) {
      Object[] plain = arguments.length > 0 && arguments[arguments.length - 1] instanceof Throwable
          ? java.util.Arrays.copyOf(arguments, arguments.length - 1) : arguments;
      log.debug(format, plain);
    }
  }
}
