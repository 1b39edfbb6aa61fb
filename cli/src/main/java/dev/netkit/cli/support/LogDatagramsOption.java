package dev.netkit.cli.support;

import picocli.CommandLine.Option;

/**
 * The {@code --log-datagrams} option of every UDP server program ({@code echo-server},
 * {@code daytime-server}, {@code chat-server}, {@code mchat-server}), a picocli mixin. It sets
 * the servers' configuration flag ({@code DatagramLoopConfig.logDatagrams},
 * {@code ChatServerConfig.logDatagrams}): each datagram (a request, a chat event) is logged at
 * INFO as it arrives. Without it those lines are logged at DEBUG, which {@code -v} shows.
 */
public final class LogDatagramsOption {

  @Option(names = "--log-datagrams",
      description = "Log each datagram (a request, a chat event) as it arrives (default: off: "
          + "the start, problems and summaries only; -v shows them too).")
  private boolean logDatagrams;

  /** Creates the option, not given (picocli fills it in). */
  public LogDatagramsOption() {
  }

  /**
   * Tells whether to log each datagram at INFO.
   *
   * @return true with {@code --log-datagrams}
   */
  public boolean logDatagrams() {
    return logDatagrams;
  }
}
