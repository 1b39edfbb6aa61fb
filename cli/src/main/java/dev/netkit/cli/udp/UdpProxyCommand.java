package dev.netkit.cli.udp;

import dev.netkit.cli.support.BindOption;
import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.ReplyRateOptions;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.udp.FaultyProxy;
import dev.netkit.udp.FaultyProxyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code udp-proxy --port PORT --target HOST:PORT [--loss P] [--dup P] [--reorder P]
 * [--delay DURATION] [--seed SEED] [--max-clients N] [--max-clients-per-address N]
 * [--max-queued N] [--max-queued-bytes N] [--max-queued-per-address N]
 * [--max-queued-bytes-per-address N] [--reply-rate N] [--reply-byte-rate BYTES]
 * [--reply-burst DURATION]}: a UDP relay that misbehaves on purpose, on loopback unless given
 * {@code --bind}. One client IP address may hold a share of the delay queue only (a quarter by
 * default), and what goes to one client address stays within the reply budget of the UDP servers
 * ({@link ReplyRateOptions}). A target equal to its own listening address, or a per-address share
 * larger than the whole queue, is a usage error. If the relay fails (not one datagram: the loop
 * itself), the program prints its statistics and ends with the failure (exit status 1) rather
 * than staying up relaying nothing.
 */
@Command(mixinStandardHelpOptions = true,
    footer = "%nFaults apply to each datagram in both directions. What goes to one client "
        + "address stays within the reply budget (held back beyond it: repliesRateLimited). "
        + "On Ctrl-C prints what it did.")
public final class UdpProxyCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--port", required = true, paramLabel = "PORT",
      description = "UDP port to listen on, where clients send (0 picks one).")
  private int port;

  @Mixin
  private BindOption bind = new BindOption();

  @Option(names = "--target", required = true, paramLabel = "HOST:PORT",
      converter = HostPortConverter.class, description = "Where datagrams are relayed to.")
  private InetSocketAddress target;

  @Option(names = "--loss", paramLabel = "P", description = "Chance of a drop, 0..1.")
  private double loss;

  @Option(names = "--dup", paramLabel = "P", description = "Chance of a duplicate, 0..1.")
  private double duplicate;

  @Option(names = "--reorder", paramLabel = "P",
      description = "Chance that a datagram is held back so later ones overtake it, 0..1.")
  private double reorder;

  @Option(names = "--delay", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Delay for every datagram (default: ${DEFAULT-VALUE}).")
  private Duration delay = Duration.ZERO;

  @Option(names = "--reorder-delay", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long a reordered datagram is held back (default: ${DEFAULT-VALUE}).")
  private Duration reorderDelay = FaultyProxyConfig.DEFAULT_REORDER_DELAY;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seed of the random choices (default: the clock).")
  private Long seed;

  @Option(names = "--max-clients", paramLabel = "N",
      description = "Client addresses remembered, one upstream socket each; the least recently "
          + "active is forgotten (default: ${DEFAULT-VALUE}).")
  private int maxClients = FaultyProxyConfig.DEFAULT_MAX_CLIENTS;

  @Option(names = "--max-clients-per-address", paramLabel = "N",
      description = "Client addresses remembered from one IP address; a new one forgets that "
          + "address's least recently active (default: ${DEFAULT-VALUE}).")
  private int maxClientsPerAddress = FaultyProxyConfig.DEFAULT_MAX_CLIENTS_PER_ADDRESS;

  @Option(names = "--max-queued", paramLabel = "N",
      description = "Datagram copies waiting out a delay; more are dropped "
          + "(default: ${DEFAULT-VALUE}).")
  private int maxQueued = FaultyProxyConfig.DEFAULT_MAX_QUEUED;

  @Option(names = "--max-queued-bytes", paramLabel = "N",
      description = "Bytes of datagrams waiting out a delay; more are dropped "
          + "(default: ${DEFAULT-VALUE}).")
  private long maxQueuedBytes = FaultyProxyConfig.DEFAULT_MAX_QUEUED_BYTES;

  @Option(names = "--max-queued-per-address", paramLabel = "N",
      description = "Datagram copies waiting out a delay that one client IP address sent or is "
          + "to get; more are dropped (default: a quarter of --max-queued, at most it).")
  private Integer maxQueuedPerAddress;

  @Option(names = "--max-queued-bytes-per-address", paramLabel = "N",
      description = "Bytes of datagram copies waiting out a delay that one client IP address "
          + "sent or is to get; more are dropped (default: a quarter of --max-queued-bytes, at "
          + "most it).")
  private Long maxQueuedBytesPerAddress;

  @Mixin
  private ReplyRateOptions replyRate = new ReplyRateOptions();

  final UntilStopped untilStopped = new UntilStopped();

  /**
   * Returns the proxy's configuration from the options given.
   *
   * @return the checked configuration
   * @throws IllegalArgumentException if a value is out of range (a usage error)
   */
  FaultyProxyConfig config() {
    FaultyProxyConfig.Builder builder = FaultyProxyConfig.builder().loss(loss)
        .duplicate(duplicate).reorder(reorder).delay(delay).reorderDelay(reorderDelay)
        .seed(seed != null ? seed : System.nanoTime()).maxClients(maxClients)
        .maxClientsPerAddress(maxClientsPerAddress).maxQueued(maxQueued)
        .maxQueuedBytes(maxQueuedBytes)
        .replyRate(replyRate.applyTo(FaultyProxyConfig.defaults().replyRate()));
    if (maxQueuedPerAddress != null) {
      builder.maxQueuedPerAddress(maxQueuedPerAddress);
    }
    if (maxQueuedBytesPerAddress != null) {
      builder.maxQueuedBytesPerAddress(maxQueuedBytesPerAddress);
    }
    return builder.build();
  }

  @Override
  public Integer call() throws Exception {
    FaultyProxyConfig config = config();
    InetSocketAddress address = bind.withPort(port);
    FaultyProxy proxy =
        Startup.listen(address, () -> new FaultyProxy(address, target, config).start());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("udp-proxy: relaying %s -> %s (loss %s, dup %s, reorder %s, delay %s, "
            + "seed %d)%n", HostPortConverter.format(proxy.localAddress()),
        HostPortConverter.format(target), loss, duplicate, reorder,
        DurationConverter.format(delay), config.seed());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    Thread watcher = new Thread(() -> {
      try {
        while (!proxy.awaitTermination(Duration.ofHours(1))) {
          // Still relaying.
        }
        untilStopped.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "udp-proxy-watcher");
    watcher.setDaemon(true);
    watcher.start();
    untilStopped.await(proxy, () -> {
      err.println("udp-proxy: " + proxy.stats());
      err.flush();
    });
    Throwable failure = proxy.failure().orElse(null);
    if (failure != null) {
      throw new IOException("relay stopped: " + failure, failure);
    }
    return 0;
  }
}
