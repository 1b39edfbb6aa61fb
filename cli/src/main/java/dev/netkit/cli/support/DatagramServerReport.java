package dev.netkit.cli.support;

import dev.netkit.server.DatagramBatchStats;
import dev.netkit.udp.DatagramServerStats;

/**
 * The last words of {@code echo-server} and {@code daytime-server} when stopped: what the server
 * did and how many datagrams a system call moved, one line for both programs.
 */
public final class DatagramServerReport {

  private DatagramServerReport() {
  }

  /**
   * Formats the line, e.g. {@code echo-server: DatagramServerStats[received=4, ...]; batched
   * system calls: 2 receive (2.00 datagrams each), 2 send (2.00 datagrams each)}.
   *
   * @param program the program's name
   * @param stats the server's {@code stats()}
   * @param io the server's {@code ioStats()}
   * @return the line, without a terminator
   */
  public static String line(String program, DatagramServerStats stats, DatagramBatchStats io) {
    return String.format("%s: %s; %s system calls: %d receive (%.2f datagrams each), %d send "
        + "(%.2f datagrams each)", program, stats, io.batched() ? "batched" : "plain",
        io.receiveCalls(), io.receivedPerCall(), io.sendCalls(), io.sentPerCall());
  }
}
