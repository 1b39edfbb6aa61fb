package dev.netkit.jni.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes an ignored SIGINT that a test JVM inherited, for the children it starts.
 *
 * <p>A shell that starts a command in the background ({@code cmd &} without job control, as in
 * scripts, CI runners and {@code nohup}-like wrappers) sets SIGINT and SIGQUIT to ignored in
 * that command, and an ignored disposition survives {@code exec} (signal(7)). The JVM then
 * installs no handler for SIGINT (HotSpot leaves ignored SIGINT, SIGHUP and SIGTERM alone, so
 * that {@code nohup java} keeps working), so SIGINT neither runs shutdown hooks nor ends the JVM.
 * A test JVM started that way passes the ignored SIGINT on to every child it starts, and a test
 * that stops a child with SIGINT then waits in vain. This class reads the process's ignored
 * signals from {@code /proc/self/status} and, when SIGINT is among them, puts
 * {@code env --default-signal=INT} (GNU coreutils 8.31 or later) in front of a child's command.
 * Linux only: elsewhere nothing is read and commands are left as they are.
 */
public final class InheritedSignals {

  /** SIGINT's number on Linux. */
  static final int SIGINT = 2;

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final String IGNORED_FIELD = "SigIgn:";
  private static final String CAUGHT_FIELD = "SigCgt:";

  private InheritedSignals() {
  }

  /**
   * Whether this process ignores SIGINT.
   *
   * @return true when {@code /proc/self/status} lists SIGINT as ignored; false when it does not
   *     or cannot be read
   */
  public static boolean interruptIgnored() {
    return inMask(IGNORED_FIELD, SIGINT);
  }

  /**
   * Whether this process has a handler for SIGINT (as a JVM has unless SIGINT was ignored when it
   * started, or it runs with {@code -Xrs}).
   *
   * @return true when {@code /proc/self/status} lists SIGINT as caught
   */
  public static boolean interruptCaught() {
    return inMask(CAUGHT_FIELD, SIGINT);
  }

  /**
   * A child's command with SIGINT's default disposition restored when this process ignores it.
   *
   * @param command the command, program first
   * @return {@code command} itself when SIGINT is not ignored here, else a new list starting with
   *     {@code env --default-signal=INT}
   */
  public static List<String> withDefaultInterrupt(List<String> command) {
    if (!interruptIgnored()) {
      return command;
    }
    List<String> restored = new ArrayList<>(command.size() + 2);
    restored.add("env");
    restored.add("--default-signal=INT");
    restored.addAll(command);
    return restored;
  }

  private static boolean inMask(String field, int signal) {
    List<String> lines;
    try {
      lines = Files.readAllLines(STATUS, StandardCharsets.US_ASCII);
    } catch (IOException | SecurityException e) {
      return false;
    }
    for (String line : lines) {
      if (line.startsWith(field)) {
        long mask = Long.parseUnsignedLong(line.substring(field.length()).trim(), 16);
        return (mask & (1L << (signal - 1))) != 0;
      }
    }
    return false;
  }
}
