package dev.netkit.netns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends UDP datagrams with a forged source address and port, as an attacker would, to test that
 * servers without a handshake cannot be turned into reflectors or into loops. A raw IPv4 socket
 * ({@code SOCK_RAW}, {@code IPPROTO_RAW}: the IP header is written by hand) in a short
 * {@code python3} child, so it needs root and {@code python3}; {@link #unavailabilityReason()}
 * says what is missing, for a test to skip with.
 *
 * <p>Network safety: both addresses must be loopback addresses (127.0.0.0/8), so nothing
 * leaves the host; the UDP checksum is left 0 (none, RFC 768), which loopback accepts.
 */
public final class ForgedDatagrams {

  /** Most datagrams one call may send: bounded, like every loop of the tests. */
  public static final int MAX_DATAGRAMS = 10_000;

  // One line per datagram on standard input: source, source port, destination, port, hex.
  private static final String SCRIPT = String.join("\n",
      "import socket, struct, sys",
      "s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)",
      "for line in sys.stdin:",
      "    src, sport, dst, dport, h = (line.split() + [''])[:5]",
      "    payload = bytes.fromhex(h)",
      "    udp = struct.pack('!HHHH', int(sport), int(dport), 8 + len(payload), 0) + payload",
      "    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,",
      "                     socket.inet_aton(src), socket.inet_aton(dst))",
      "    s.sendto(ip + udp, (dst, 0))",
      "");

  /**
   * One datagram to forge.
   *
   * @param from the forged source address and port (IPv4 loopback)
   * @param to the destination (IPv4 loopback)
   * @param payload the UDP payload
   */
  public record Forged(InetSocketAddress from, InetSocketAddress to, byte[] payload) {

    /**
     * Checks the addresses.
     *
     * @throws IllegalArgumentException if an address is not an IPv4 loopback address
     */
    public Forged {
      checkLoopback(from, "from");
      checkLoopback(to, "to");
      Objects.requireNonNull(payload, "payload");
    }
  }

  private ForgedDatagrams() {
  }

  /**
   * Says why forged datagrams cannot be sent here, if they cannot.
   *
   * @return e.g. {@code forging datagrams needs root (uid 1000)}, or empty when possible
   */
  public static Optional<String> unavailabilityReason() {
    Optional<String> uid = NamespaceSupport.userId();
    if (uid.isEmpty() || !uid.get().equals("0")) {
      return Optional.of("forging datagrams needs a raw socket, so root (uid "
          + uid.orElse("unknown") + ")");
    }
    if (Commands.locate("python3").isEmpty()) {
      return Optional.of("forging datagrams needs python3 on the PATH");
    }
    return Optional.empty();
  }

  /**
   * Sends datagrams, in order, from a forged source to a destination, both on loopback.
   *
   * @param from the forged source address and port
   * @param to the destination
   * @param payloads the datagrams' payloads, 1 to {@value #MAX_DATAGRAMS} of them
   * @throws IOException if python3 cannot run or fails (not root, say)
   * @throws IllegalArgumentException if an address is not an IPv4 loopback address, or too many
   *     payloads are given
   */
  public static void send(InetSocketAddress from, InetSocketAddress to, List<byte[]> payloads)
      throws IOException {
    List<Forged> datagrams = new ArrayList<>();
    for (byte[] payload : payloads) {
      datagrams.add(new Forged(from, to, payload));
    }
    send(datagrams);
  }

  /**
   * Sends datagrams, in order, each from its own forged source.
   *
   * @param datagrams 1 to {@value #MAX_DATAGRAMS} datagrams
   * @throws IOException if python3 cannot run or fails (not root, say)
   * @throws IllegalArgumentException if too many or no datagrams are given
   */
  public static void send(List<Forged> datagrams) throws IOException {
    if (datagrams.isEmpty() || datagrams.size() > MAX_DATAGRAMS) {
      throw new IllegalArgumentException("datagrams : " + datagrams.size() + " (expected: 1-"
          + MAX_DATAGRAMS + ")");
    }
    StringBuilder lines = new StringBuilder();
    for (Forged datagram : datagrams) {
      lines.append(datagram.from().getAddress().getHostAddress()).append(' ')
          .append(datagram.from().getPort()).append(' ')
          .append(datagram.to().getAddress().getHostAddress()).append(' ')
          .append(datagram.to().getPort()).append(' ')
          .append(HexFormat.of().formatHex(datagram.payload())).append('\n');
    }
    Commands.run(lines.toString(), List.of(Commands.locate("python3").orElse("python3"), "-c",
        SCRIPT)).orThrow();
  }

  private static void checkLoopback(InetSocketAddress address, String name) {
    Objects.requireNonNull(address, name);
    if (!(address.getAddress() instanceof Inet4Address) || !address.getAddress()
        .isLoopbackAddress()) {
      throw new IllegalArgumentException(name + " : " + address
          + " (expected: an IPv4 loopback address)");
    }
  }
}
