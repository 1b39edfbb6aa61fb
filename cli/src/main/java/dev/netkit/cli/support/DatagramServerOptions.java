package dev.netkit.cli.support;

import picocli.CommandLine.Option;

/**
 * The {@code --threads N} and {@code --no-batch} options of the UDP servers, a picocli mixin: how
 * many sockets share the port ({@code SO_REUSEPORT}, one thread each), and whether the system
 * calls are batched ({@code recvmmsg}/{@code sendmmsg}) where netkit's native library loads.
 * The configurations check the values (an out-of-range count is a usage error).
 */
public final class DatagramServerOptions {

  @Option(names = "--threads", paramLabel = "N",
      description = "Sockets on the port, each with its own thread (SO_REUSEPORT; default: "
          + "${DEFAULT-VALUE}, at most 64).")
  private int threads = 1;

  @Option(names = "--no-batch",
      description = "One system call per datagram (default: batched recvmmsg/sendmmsg where "
          + "the native library loads).")
  private boolean noBatch;

  /** Creates the options at their defaults (picocli fills them in). */
  public DatagramServerOptions() {
  }

  /**
   * Returns how many sockets serve the port.
   *
   * @return the count given, default 1
   */
  public int threads() {
    return threads;
  }

  /**
   * Tells whether to batch the system calls.
   *
   * @return false with {@code --no-batch}
   */
  public boolean batched() {
    return !noBatch;
  }
}
