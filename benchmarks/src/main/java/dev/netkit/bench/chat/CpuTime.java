package dev.netkit.bench.chat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a relay has used so far, split into user and system (kernel) time: the system part
 * is where a UDP server's per-datagram cost lives on loopback.
 *
 * @param userNanos time in user mode
 * @param systemNanos time in the kernel on the relay's behalf (its system calls, and the
 *     loopback delivery they run)
 */
record CpuTime(long userNanos, long systemNanos) {

  /** The clock tick of {@code /proc/PID/stat} (USER_HZ, 100 on Linux). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /**
   * Returns the user plus system time.
   *
   * @return nanoseconds
   */
  long totalNanos() {
    return userNanos + systemNanos;
  }

  /**
   * Sums the CPU time of this JVM's live threads whose names start with a prefix.
   *
   * @param prefix the threads' name prefix, e.g. {@code chat-server-}
   * @return their time so far
   */
  static CpuTime ofThreadsNamed(String prefix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    long user = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix)) {
        total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
        user += Math.max(0, threads.getThreadUserTime(thread.getId()));
      }
    }
    return new CpuTime(user, Math.max(0, total - user));
  }

  /**
   * Reads another process's CPU time from {@code /proc/PID/stat} (10 ms resolution).
   *
   * @param pid the process
   * @return its time so far
   * @throws IllegalStateException if the process is gone
   */
  static CpuTime ofProcess(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // After "pid (comm) ", utime and stime are the 12th and 13th fields.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new CpuTime(Long.parseLong(fields[11]) * NANOS_PER_TICK,
          Long.parseLong(fields[12]) * NANOS_PER_TICK);
    } catch (IOException e) {
      throw new IllegalStateException("reading the CPU time of process " + pid, e);
    }
  }
}
