package dev.netkit.cli.support;

import picocli.CommandLine.Option;

/**
 * The {@code --no-batch} option of every UDP server program ({@code echo-server},
 * {@code daytime-server}, {@code chat-server}, {@code mchat-server}), a picocli mixin: by default
 * a server batches its system calls ({@code recvmmsg}/{@code sendmmsg}) where netkit's native
 * library loads; this option makes it use one system call per datagram.
 */
public final class NoBatchOption {

  @Option(names = "--no-batch",
      description = "One system call per datagram (default: batched recvmmsg/sendmmsg where "
          + "the native library loads).")
  private boolean noBatch;

  /** Creates the option, not given (picocli fills it in). */
  public NoBatchOption() {
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
