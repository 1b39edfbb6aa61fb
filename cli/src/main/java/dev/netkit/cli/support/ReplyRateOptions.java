package dev.netkit.cli.support;

import dev.netkit.server.ReplyRateConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The per-source reply budget options of the UDP servers ({@code echo-server},
 * {@code daytime-server}, {@code chat-server}, {@code mchat-server}) and of {@code udp-proxy}
 * (what it sends to one client address), a picocli mixin: what one source IP address may get per
 * second, which bounds reflection, amplification and reply loops. An option not given keeps the
 * program's own default.
 */
public final class ReplyRateOptions {

  @Option(names = "--reply-rate", paramLabel = "N",
      description = "Most datagrams per second sent to one source address (default: 1000; "
          + "chat servers 2000).")
  private Double datagramsPerSecond;

  @Option(names = "--reply-byte-rate", paramLabel = "BYTES",
      description = "Most bytes per second sent to one source address (default: 1048576; "
          + "chat servers 262144).")
  private Long bytesPerSecond;

  @Option(names = "--reply-burst", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How much of the two rates may go out at once (default: 1s; chat servers "
          + "6s).")
  private Duration burst;

  /** Creates the options, none given (picocli fills them in). */
  public ReplyRateOptions() {
  }

  /**
   * Applies the options given to a server's default budget.
   *
   * @param defaults the server's default budget
   * @return the budget to use
   * @throws IllegalArgumentException if a value is out of range
   */
  public ReplyRateConfig applyTo(ReplyRateConfig defaults) {
    ReplyRateConfig.Builder builder = defaults.toBuilder();
    if (datagramsPerSecond != null) {
      builder.datagramsPerSecond(datagramsPerSecond);
    }
    if (bytesPerSecond != null) {
      builder.bytesPerSecond(bytesPerSecond);
    }
    if (burst != null) {
      builder.burst(burst);
    }
    return builder.build();
  }
}
