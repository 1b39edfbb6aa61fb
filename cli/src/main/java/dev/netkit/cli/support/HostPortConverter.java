package dev.netkit.cli.support;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code HOST:PORT} (or {@code [IPV6]:PORT}) into an address, resolving the host; and
 * prints an address the way the programs report it, {@code IP:PORT}.
 */
public final class HostPortConverter implements ITypeConverter<InetSocketAddress> {

  /** Creates the converter (picocli does, from {@code converter = HostPortConverter.class}). */
  public HostPortConverter() {
  }

  /**
   * Formats a resolved address as its numeric host and port, e.g. {@code 127.0.0.1:2007} or
   * {@code [::1]:2007}.
   *
   * @param address a resolved address
   * @return {@code IP:PORT}
   * @throws NullPointerException if the address is unresolved
   */
  public static String format(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":"
        + address.getPort();
  }

  @Override
  public InetSocketAddress convert(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new TypeConversionException("'" + value + "' is not HOST:PORT");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "': port is not a number");
    }
    if (port < 1 || port > 65_535) {
      throw new TypeConversionException("'" + value + "': port " + port + " not in 1..65535");
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new TypeConversionException("'" + value + "': unknown host " + host);
    }
    return address;
  }
}
