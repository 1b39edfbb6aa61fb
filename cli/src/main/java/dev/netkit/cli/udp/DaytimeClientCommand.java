package dev.netkit.cli.udp;

import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.ExitStatus;
import dev.netkit.cli.support.ProgramFailure;
import dev.netkit.cli.support.Startup;
import dev.netkit.udp.DaytimeClient;
import dev.netkit.udp.DaytimeReport;
import dev.netkit.udp.DaytimeServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daytime-client [--port P] [--timeout 10s] host…}: the book's figure 18.3. */
@Command(mixinStandardHelpOptions = true,
    footer = "%nPrints `host: time` per answer, then names the hosts that did not answer on "
        + "stderr. Exit status 1 when a host did not answer.")
public final class DaytimeClientCommand implements Callable<Integer> {

  /** How long the client waits for every answer unless told otherwise. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "HOST", description = "Hosts to ask.")
  private List<String> hosts = new ArrayList<>();

  @Option(names = "--port", paramLabel = "PORT",
      description = "Daytime port (default: ${DEFAULT-VALUE}).")
  private int port = DaytimeServer.DEFAULT_PORT;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait for all answers (default: ${DEFAULT-VALUE}).")
  private Duration timeout = DEFAULT_TIMEOUT;

  @Override
  public Integer call() throws Exception {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String host : hosts) {
      addresses.add(Startup.resolve(host, port));
    }
    DaytimeReport report = new DaytimeClient().query(addresses, timeout);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (DaytimeReport.Answer answer : report.answers()) {
      out.println(answer.host().getHostString() + ": " + answer.time());
    }
    for (DaytimeReport.Failure failure : report.failures()) {
      err.println(failure.host().getHostString() + ": " + ProgramFailure.reason(failure.error()));
    }
    if (!report.silent().isEmpty()) {
      err.println("no answer within " + timeout.toMillis() + " ms from: " + report.silent()
          .stream().map(InetSocketAddress::getHostString).collect(Collectors.joining(", ")));
    }
    out.flush();
    err.flush();
    return report.allAnswered() ? ExitStatus.OK : ExitStatus.FAILURE;
  }
}
