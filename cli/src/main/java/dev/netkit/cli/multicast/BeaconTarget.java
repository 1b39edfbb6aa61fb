package dev.netkit.cli.multicast;

import dev.netkit.multicast.TimeBeaconConfig;
import java.net.InetAddress;
import picocli.CommandLine.Parameters;

/**
 * The beacon's port and group, the first two positional parameters of both beacon programs
 * ({@code mcast-time-server}, {@code mcast-time-client}), with the book's defaults.
 */
final class BeaconTarget {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "UDP port (default: ${DEFAULT-VALUE}).")
  int port = TimeBeaconConfig.DEFAULT_PORT;

  @Parameters(index = "1", arity = "0..1", paramLabel = "GROUP",
      description = "Multicast group (default: " + TimeBeaconConfig.DEFAULT_GROUP + ").")
  InetAddress group = TimeBeaconConfig.defaultGroup();

  /** {@code group:port}, as the programs print it. */
  @Override
  public String toString() {
    return group.getHostAddress() + ":" + port;
  }
}
