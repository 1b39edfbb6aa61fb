package dev.netkit.cli.support;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/**
 * The {@code --bind ADDRESS} option of every server program, a picocli mixin
 * ({@code @Mixin BindOption bind}): servers listen on loopback unless told otherwise, and
 * {@code --bind 0.0.0.0} serves every interface.
 */
public final class BindOption {

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only; "
          + "0.0.0.0 for every interface).")
  private InetAddress address = InetAddress.getLoopbackAddress();

  /** Creates the option at its default, the loopback address (picocli fills it in). */
  public BindOption() {
  }

  /**
   * Returns the address to listen on.
   *
   * @return the address given, or the loopback address
   */
  public InetAddress address() {
    return address;
  }

  /**
   * Returns the address to listen on and a port.
   *
   * @param port the port; 0 picks a free one
   * @return the socket address to bind
   * @throws IllegalArgumentException if the port is not in 0..65535
   */
  public InetSocketAddress withPort(int port) {
    return new InetSocketAddress(address, port);
  }
}
