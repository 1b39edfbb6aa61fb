package dev.netkit.cli.udp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.udp.ReverseEchoServer;
import dev.netkit.udp.ReverseEchoServerConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code echo-server [port] [--flaky] [--quiet]}: the book's UDP reverse-echo server. */
@Command(mixinStandardHelpOptions = true,
    footer = "%nEach request is logged to stderr as `Received N bytes from [host,port]` unless "
        + "--quiet. Runs until Ctrl-C.")
public final class EchoServerCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "UDP port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
  private int port = ReverseEchoServer.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  private InetAddress bind = anyAddress();

  @Option(names = "--flaky",
      description = "Send each reply 0-3 times at random, like the book's unreliable server.")
  private boolean flaky;

  @Option(names = "--seed", description = "Seed of --flaky's random choices (default: the clock).")
  private Long seed;

  @Option(names = "--quiet", description = "Log nothing per datagram.")
  private boolean quiet;

  @Option(names = "--max-datagram", paramLabel = "BYTES",
      description = "Largest request in bytes (default: ${DEFAULT-VALUE}).")
  private int maxDatagram = ReverseEchoServerConfig.DEFAULT_MAX_DATAGRAM;

  final UntilStopped untilStopped = new UntilStopped();

  private static InetAddress anyAddress() {
    return new InetSocketAddress(0).getAddress();
  }

  @Override
  public Integer call() throws Exception {
    if (!quiet) {
      Logger log = (Logger) LoggerFactory.getLogger(ReverseEchoServer.class);
      if (!log.isDebugEnabled()) {
        log.setLevel(Level.DEBUG);
      }
    }
    ReverseEchoServerConfig config = ReverseEchoServerConfig.builder().maxDatagram(maxDatagram)
        .flaky(flaky).seed(seed != null ? seed : System.nanoTime()).build();
    ReverseEchoServer server =
        new ReverseEchoServer(new InetSocketAddress(bind, port), config).start();
    PrintWriter out = spec.commandLine().getOut();
    out.println("echo-server: servicing incoming requests on "
        + HostPortConverter.format(server.localAddress())
        + (flaky ? " (flaky, seed " + config.seed() + ")" : ""));
    out.flush();
    untilStopped.await(server);
    return 0;
  }
}
