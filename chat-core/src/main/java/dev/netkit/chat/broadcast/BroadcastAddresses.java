package dev.netkit.chat.broadcast;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the IPv4 broadcast addresses of the host's broadcast-capable interfaces (the book's
 * {@code IO::Interface} loop over interfaces with {@code IFF_BROADCAST}), from
 * {@link NetworkInterface}: interfaces that are up, each IPv4 address's subnet broadcast address.
 * Loopback and point-to-point interfaces have none.
 */
public final class BroadcastAddresses {

  private BroadcastAddresses() {
  }

  /**
   * Lists the broadcast addresses.
   *
   * @return each address once, in interface order; empty when no interface can broadcast
   * @throws SocketException if the interfaces cannot be listed
   */
  public static List<InetAddress> all() throws SocketException {
    Set<InetAddress> found = new LinkedHashSet<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback() || nic.isPointToPoint()) {
        continue;
      }
      for (InterfaceAddress address : nic.getInterfaceAddresses()) {
        if (address.getBroadcast() != null) {
          found.add(address.getBroadcast());
        }
      }
    }
    return new ArrayList<>(found);
  }
}
