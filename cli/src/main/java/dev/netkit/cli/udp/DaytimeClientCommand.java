package dev.netkit.cli.udp;

import dev.netkit.cli.support.DurationConverter;
import dev.netkit.udp.DaytimeClient;
import dev.netkit.udp.DaytimeReport;
import dev.netkit.udp.DaytimeServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
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
        + "stderr. Exit status 0 when every host answered, 1 otherwise.")
public final class DaytimeClientCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "HOST", description = "Hosts to ask.")
  private List<String> hosts = new ArrayList<>();

  @Option(names = "--port", paramLabel = "P",
      description = "Daytime port (default: ${DEFAULT-VALUE}).")
  private int port = DaytimeServer.DEFAULT_PORT;

  @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class,
      description = "How long to wait for all answers (default: 10s).")
  private Duration timeout = Duration.ofSeconds(10);

  @Override
  public Integer call() throws Exception {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String host : hosts) {
      addresses.add(new InetSocketAddress(host, port));
    }
    DaytimeReport report = new DaytimeClient().query(addresses, timeout);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (DaytimeReport.Answer answer : report.answers()) {
      out.println(answer.host().getHostString() + ": " + answer.time());
    }
    for (DaytimeReport.Failure failure : report.failures()) {
      err.println(failure.host().getHostString() + ": " + describe(failure));
    }
    if (!report.silent().isEmpty()) {
      err.println("no answer within " + timeout.toMillis() + " ms from: " + report.silent()
          .stream().map(InetSocketAddress::getHostString).collect(Collectors.joining(", ")));
    }
    out.flush();
    err.flush();
    return report.allAnswered() ? 0 : 1;
  }

  private static String describe(DaytimeReport.Failure failure) {
    if (failure.error() instanceof PortUnreachableException) {
      return "port unreachable (nothing listens there)";
    }
    return failure.error().toString();
  }
}
