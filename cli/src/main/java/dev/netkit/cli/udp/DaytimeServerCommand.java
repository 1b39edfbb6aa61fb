package dev.netkit.cli.udp;

import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.udp.DaytimeServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daytime-server [port]}: RFC 867 over UDP. */
@Command(mixinStandardHelpOptions = true,
    footer = "%nAnswers any datagram with the local time as one CRLF line. Runs until Ctrl-C.")
public final class DaytimeServerCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "UDP port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
  private int port = DaytimeServer.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address to listen on (default: every interface).")
  private InetAddress bind = new InetSocketAddress(0).getAddress();

  final UntilStopped untilStopped = new UntilStopped();

  @Override
  public Integer call() throws Exception {
    DaytimeServer server = new DaytimeServer(new InetSocketAddress(bind, port)).start();
    PrintWriter out = spec.commandLine().getOut();
    out.println("daytime-server: servicing incoming requests on "
        + HostPortConverter.format(server.localAddress()));
    out.flush();
    untilStopped.await(server);
    return 0;
  }
}
