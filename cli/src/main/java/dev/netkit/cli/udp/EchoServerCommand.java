package dev.netkit.cli.udp;

import dev.netkit.cli.support.DatagramServerOptions;
import dev.netkit.cli.support.DatagramServerReport;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.udp.ReverseEchoServer;
import dev.netkit.udp.ReverseEchoServerConfig;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code echo-server [port] [--bind ADDRESS] [--flaky] [--log-datagrams] [--threads N]
 * [--no-batch]}: the book's UDP
 * reverse-echo server, on loopback unless told otherwise.
 */
@Command(mixinStandardHelpOptions = true,
    footer = "%nLogs its address at start; with --log-datagrams also each request, as `Received N "
        + "bytes from [host,port]` on stderr. Never answers a source port below 1024 or its own "
        + "port, and holds back replies beyond --reply-rate/--reply-byte-rate per source "
        + "address. Runs until Ctrl-C, then prints what it did and how many datagrams a system "
        + "call moved.")
public final class EchoServerCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private DatagramServerOptions serving = new DatagramServerOptions(ReverseEchoServer.DEFAULT_PORT);

  @Option(names = "--flaky",
      description = "Send each reply 0-3 times at random, like the book's unreliable server.")
  private boolean flaky;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seed of --flaky's random choices (default: the clock).")
  private Long seed;

  @Option(names = "--max-datagram", paramLabel = "BYTES",
      description = "Largest request in bytes (default: ${DEFAULT-VALUE}).")
  private int maxDatagram = ReverseEchoServerConfig.DEFAULT_MAX_DATAGRAM;

  final UntilStopped untilStopped = new UntilStopped();

  @Override
  public Integer call() throws Exception {
    ReverseEchoServerConfig config = ReverseEchoServerConfig.builder().maxDatagram(maxDatagram)
        .flaky(flaky).seed(seed != null ? seed : System.nanoTime()).loop(serving.loop()).build();
    InetSocketAddress address = serving.address();
    ReverseEchoServer server =
        Startup.listen(address, () -> new ReverseEchoServer(address, config).start());
    PrintWriter out = spec.commandLine().getOut();
    out.println("echo-server: servicing incoming requests on "
        + HostPortConverter.format(server.localAddress())
        + (flaky ? " (flaky, seed " + config.seed() + ")" : ""));
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    untilStopped.await(server, () -> {
      err.println(DatagramServerReport.line("echo-server", server.stats(), server.ioStats()));
      err.flush();
    });
    return 0;
  }
}
