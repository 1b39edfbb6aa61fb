package dev.netkit.cli.multicast;

import dev.netkit.cli.support.Startup;
import dev.netkit.multicast.MulticastInterfaces;
import dev.netkit.multicast.TimeBeaconReceiver;
import java.io.PrintWriter;
import java.net.NetworkInterface;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcast-time-client [port] [group]}: the book's beacon client (figure 21.5): joins the
 * group and prints {@code <sender>: <message>} for each beacon, until Ctrl-C or
 * {@code --count} beacons.
 */
@Command(name = "mcast-time-client", mixinStandardHelpOptions = true,
    description = "join the beacon's group and print each beacon (ch. 21)")
public final class McastTimeClientCommand implements Callable<Integer> {

  @Mixin
  BeaconTarget target = new BeaconTarget();

  @Option(names = "--iface", paramLabel = "NAME",
      description = "Interface to join on (default: the first multicast-capable one, "
          + "loopback last).")
  String joinInterface;

  @Option(names = "--count", paramLabel = "N",
      description = "Stop after N beacons (default: never).")
  long count = Long.MAX_VALUE;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Optional<NetworkInterface> where = joinInterface == null ? Optional.empty()
        : Optional.of(MulticastInterfaces.byName(joinInterface));
    PrintWriter out = spec.commandLine().getOut();
    try (TimeBeaconReceiver receiver = Startup.attempt("join", target.toString(),
        () -> TimeBeaconReceiver.open(target.port, target.group, where))) {
      for (long received = 0; received < count; received++) {
        out.println(receiver.receive());
        out.flush();
      }
    }
    return 0;
  }
}
