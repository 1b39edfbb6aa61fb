package dev.netkit.multicast;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds and checks the network interfaces multicast can use: up and with the {@code MULTICAST}
 * flag ({@link NetworkInterface#supportsMulticast()}). The JDK accepts any interface for joins
 * and {@code IP_MULTICAST_IF}; one without the flag silently carries nothing.
 */
public final class MulticastInterfaces {

  private MulticastInterfaces() {
  }

  /**
   * Looks up an interface by name and checks it.
   *
   * @param name the name, e.g. {@code eth0}
   * @return the interface
   * @throws IOException if the interfaces cannot be listed
   * @throws IllegalArgumentException if there is no such interface, or it is down or not
   *     multicast-capable
   */
  public static NetworkInterface byName(String name) throws IOException {
    Objects.requireNonNull(name, "name");
    NetworkInterface found = NetworkInterface.getByName(name);
    if (found == null) {
      throw new IllegalArgumentException("interface : " + name + " (no such interface)");
    }
    return checkUsable(found);
  }

  /**
   * Looks up the interface that has a local address and checks it.
   *
   * @param address one of the interface's addresses
   * @return the interface
   * @throws IOException if the interfaces cannot be listed
   * @throws IllegalArgumentException if no interface has the address, or it is down or not
   *     multicast-capable
   */
  public static NetworkInterface byAddress(InetAddress address) throws IOException {
    Objects.requireNonNull(address, "address");
    NetworkInterface found = NetworkInterface.getByInetAddress(address);
    if (found == null) {
      throw new IllegalArgumentException("interface : " + address.getHostAddress()
          + " (no interface has this address)");
    }
    return checkUsable(found);
  }

  /**
   * Checks that an interface can carry multicast.
   *
   * @param networkInterface the interface
   * @return {@code networkInterface}
   * @throws IllegalArgumentException if it is down or lacks the MULTICAST flag
   * @throws IllegalStateException if its state cannot be read
   */
  public static NetworkInterface checkUsable(NetworkInterface networkInterface) {
    Objects.requireNonNull(networkInterface, "networkInterface");
    try {
      if (!networkInterface.isUp()) {
        throw new IllegalArgumentException("interface : " + networkInterface.getName()
            + " is down (expected: up and multicast-capable)");
      }
      if (!networkInterface.supportsMulticast()) {
        throw new IllegalArgumentException("interface : " + networkInterface.getName()
            + " has no MULTICAST flag (expected: multicast-capable; for loopback: "
            + "ip link set lo multicast on)");
      }
    } catch (SocketException e) {
      throw new IllegalStateException("interface " + networkInterface.getName()
          + ": state unreadable", e);
    }
    return networkInterface;
  }

  /**
   * Picks the interface for joins that name none: the first interface (by index) that is up,
   * multicast-capable and has an address of the family, a non-loopback one before loopback.
   * (The JDK needs an interface for every join; the book's {@code INADDR_ANY} leaves it to the
   * routing table, which Java cannot read.)
   *
   * @param family INET or INET6
   * @return the interface
   * @throws IOException if the interfaces cannot be listed, or none fits
   */
  public static NetworkInterface defaultFor(StandardProtocolFamily family) throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(MulticastInterfaces::isUsable)
        .filter(candidate -> hasAddressOf(candidate, family))
        .sorted(Comparator.comparing(MulticastInterfaces::isLoopback)
            .thenComparing(NetworkInterface::getIndex))
        .findFirst()
        .orElseThrow(() -> new IOException("no interface is up, multicast-capable and has an "
            + family + " address"));
  }

  /**
   * Lists the interfaces that are up and multicast-capable.
   *
   * @return the interfaces, by index
   * @throws IOException if the interfaces cannot be listed
   */
  public static List<NetworkInterface> usable() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(MulticastInterfaces::isUsable)
        .sorted(Comparator.comparing(NetworkInterface::getIndex)).toList();
  }

  private static boolean isUsable(NetworkInterface candidate) {
    try {
      return candidate.isUp() && candidate.supportsMulticast();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean isLoopback(NetworkInterface candidate) {
    try {
      return candidate.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean hasAddressOf(NetworkInterface candidate, StandardProtocolFamily family) {
    return Collections.list(candidate.getInetAddresses()).stream()
        .anyMatch(a -> family == StandardProtocolFamily.INET
            ? a instanceof Inet4Address : a instanceof Inet6Address);
  }
}
