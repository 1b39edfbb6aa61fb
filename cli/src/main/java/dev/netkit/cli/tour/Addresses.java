package dev.netkit.cli.tour;

import java.net.InetSocketAddress;

/** Socket addresses as a user types them: {@code 127.0.0.1:2007}, no leading slash. */
final class Addresses {

  private Addresses() {
  }

  /**
   * Formats an address as {@code host:port} with a numeric host.
   *
   * @param address a resolved address
   * @return e.g. {@code 127.0.0.1:2007}
   */
  static String show(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
