package dev.netkit.cli.multicast;

import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.multicast.TimeBeaconConfig;
import dev.netkit.multicast.TimeBeaconServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcast-time-server [port] [group] [ttl] [--interval 15s]}: the book's time-of-day beacon
 * (figure 21.4) until Ctrl-C: {@code <ctime>/<hostname>} to the group on every multiple of the
 * interval.
 */
@Command(name = "mcast-time-server", mixinStandardHelpOptions = true,
    description = "multicast time-of-day beacon (ch. 21)")
public final class McastTimeServerCommand implements Callable<Integer> {

  @Mixin
  BeaconTarget target = new BeaconTarget();

  @Parameters(index = "2", arity = "0..1", paramLabel = "TTL",
      description = "Time to live, 0-255; 0 stays on this host (default: ${DEFAULT-VALUE}).")
  int ttl = TimeBeaconConfig.DEFAULT_TTL;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time between beacons (default: ${DEFAULT-VALUE}).")
  Duration period = TimeBeaconConfig.DEFAULT_PERIOD;

  @Option(names = "--iface", paramLabel = "NAME",
      description = "Interface to send by (default: the routing table's).")
  String outgoingInterface;

  @Option(names = "--hostname", paramLabel = "NAME",
      description = "Name after the slash (default: this host's name).")
  String hostName;

  final UntilStopped untilStopped = new UntilStopped();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    TimeBeaconConfig config = TimeBeaconConfig.builder().target(target.group, target.port)
        .timeToLive(ttl).period(period).outgoingInterface(outgoingInterface).hostName(hostName)
        .build();
    TimeBeaconServer server = Startup.attempt("send to", target.toString(),
        () -> new TimeBeaconServer(config).start());
    PrintWriter out = spec.commandLine().getOut();
    out.println("mcast-time-server: sending to " + target
        + " every " + DurationConverter.format(period) + ", ttl " + ttl);
    out.flush();
    untilStopped.await(server);
    return 0;
  }
}
