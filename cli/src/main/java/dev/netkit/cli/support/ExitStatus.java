package dev.netkit.cli.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit statuses every program of the launcher uses, listed under "Exit status" in each
 * program's {@code --help}. A program may give {@link #FAILURE} a more precise meaning in its own
 * help (e.g. {@code daytime-client}: a host did not answer).
 */
public final class ExitStatus {

  /** The program did what it was asked. */
  public static final int OK = 0;

  /** The program started but failed while running: no reply, a peer went away, an I/O error. */
  public static final int FAILURE = 1;

  /** The command line is wrong: an unknown program or option, a bad or out-of-range value. */
  public static final int USAGE = 2;

  /**
   * The program could not start: address in use, permission denied, no such file or host,
   * connection refused, the native library unavailable.
   */
  public static final int STARTUP = 3;

  private ExitStatus() {
  }

  /**
   * Describes every status for picocli's exit-code list in {@code --help}.
   *
   * @return status (as text) to a one-line meaning, in ascending order; a fresh mutable map
   */
  public static Map<String, String> descriptions() {
    Map<String, String> list = new LinkedHashMap<>();
    list.put(" " + OK, "done");
    list.put(" " + FAILURE, "failed while running (no reply, connection lost, I/O error)");
    list.put(" " + USAGE, "bad command line (unknown option, bad or out-of-range value)");
    list.put(" " + STARTUP, "could not start (address in use, permission denied, no such file "
        + "or host, connection refused, native library unavailable)");
    return list;
  }
}
