package dev.netkit.cli.udp;

import dev.netkit.cli.support.DatagramServerOptions;
import dev.netkit.cli.support.DatagramServerReport;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.udp.DaytimeServer;
import dev.netkit.udp.DaytimeServerConfig;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code daytime-server [port] [--bind ADDRESS] [--threads N] [--no-batch]}: RFC 867 over UDP, on
 * loopback by default.
 */
@Command(mixinStandardHelpOptions = true,
    footer = "%nAnswers any datagram with the local time as one CRLF line. Logs its address at "
        + "start; with --log-datagrams also each request. Never answers a source port below 1024 or "
        + "its own port; replies beyond --reply-rate per source address are held back. Runs "
        + "until Ctrl-C, then prints what it did and how many datagrams a system call moved.")
public final class DaytimeServerCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private DatagramServerOptions serving = new DatagramServerOptions(DaytimeServer.DEFAULT_PORT);

  final UntilStopped untilStopped = new UntilStopped();

  @Override
  public Integer call() throws Exception {
    InetSocketAddress address = serving.address();
    DaytimeServerConfig config = DaytimeServerConfig.builder().loop(serving.loop()).build();
    DaytimeServer server =
        Startup.listen(address, () -> new DaytimeServer(address, config).start());
    PrintWriter out = spec.commandLine().getOut();
    out.println("daytime-server: servicing incoming requests on "
        + HostPortConverter.format(server.localAddress()));
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    untilStopped.await(server, () -> {
      err.println(DatagramServerReport.line("daytime-server", server.stats(), server.ioStats()));
      err.flush();
    });
    return 0;
  }
}
