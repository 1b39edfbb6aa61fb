package dev.netkit.cli.support;

import dev.netkit.udp.DatagramLoopConfig;
import java.net.InetSocketAddress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options that {@code echo-server} and {@code daytime-server} share, a picocli mixin: the
 * {@code [PORT]} parameter (each server's own default), {@code --bind}, {@code --threads N} (sockets on the port, {@code SO_REUSEPORT}, one thread
 * each), {@code --no-batch}, the reply budget ({@code --reply-rate}, {@code --reply-byte-rate},
 * {@code --reply-burst}) and {@code --log-datagrams}. {@link #loop()} turns them into the servers'
 * {@link DatagramLoopConfig}, which checks the values (an out-of-range count is a usage error).
 */
public final class DatagramServerOptions {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "UDP port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
  private int port;

  @Mixin
  private BindOption bind = new BindOption();

  @Mixin
  private NoBatchOption batch = new NoBatchOption();

  @Mixin
  private ReplyRateOptions replyRate = new ReplyRateOptions();

  @Option(names = "--threads", paramLabel = "N",
      description = "Sockets on the port, each with its own thread (SO_REUSEPORT; default: "
          + "${DEFAULT-VALUE}, at most 64).")
  private int threads = 1;

  @Mixin
  private LogDatagramsOption log = new LogDatagramsOption();

  /**
   * Creates the options at their defaults (picocli fills them in).
   *
   * @param defaultPort the server's port when none is given, e.g. 2007 for {@code echo-server}
   */
  public DatagramServerOptions(int defaultPort) {
    this.port = defaultPort;
  }

  /**
   * Returns the address to listen on: {@code --bind} (loopback by default) and {@code PORT}.
   *
   * @return the socket address to bind
   * @throws IllegalArgumentException if the port is not in 0..65535
   */
  public InetSocketAddress address() {
    return bind.withPort(port);
  }

  /**
   * Returns how the server is to serve its port: {@code --threads}, {@code --no-batch}, the
   * reply budget options and {@code --log-datagrams} applied to
   * {@link DatagramLoopConfig#defaults()}.
   *
   * @return the checked configuration
   * @throws IllegalArgumentException if a value is out of range
   */
  public DatagramLoopConfig loop() {
    DatagramLoopConfig defaults = DatagramLoopConfig.defaults();
    return defaults.toBuilder().threads(threads).batched(batch.batched())
        .replyRate(replyRate.applyTo(defaults.replyRate())).logDatagrams(log.logDatagrams())
        .build();
  }
}
