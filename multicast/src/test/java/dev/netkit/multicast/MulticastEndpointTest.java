package dev.netkit.multicast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Option checks of {@link MulticastEndpoint}: nothing here sends a datagram or joins a group, so
 * it runs anywhere (the traffic tests run in namespaces: {@link MulticastNamespaceIT}).
 */
class MulticastEndpointTest {

  @Test
  void timeToLiveIsZeroTo255() throws Exception {
    try (MulticastEndpoint socket = MulticastEndpoint.open(StandardProtocolFamily.INET)) {
      assertThat(socket.setTimeToLive(0).timeToLive()).isZero();
      assertThat(socket.setTimeToLive(255).timeToLive()).isEqualTo(255);
      assertThatThrownBy(() -> socket.setTimeToLive(256))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("ttl : 256 (expected: 0-255)");
      assertThatThrownBy(() -> socket.setTimeToLive(-1))
          .hasMessage("ttl : -1 (expected: 0-255)");
    }
  }

  @Test
  void loopbackMeansWhatItSays() throws Exception {
    try (MulticastEndpoint socket = MulticastEndpoint.open(StandardProtocolFamily.INET)) {
      assertThat(socket.setLoopback(false).isLoopback()).isFalse();
      assertThat(socket.setLoopback(true).isLoopback()).isTrue();
    }
  }

  @Test
  void aUnicastAddressIsNotAGroup() throws Exception {
    try (MulticastEndpoint socket = MulticastEndpoint.open(StandardProtocolFamily.INET)) {
      assertThatThrownBy(() -> socket.join(InetAddress.getByName("10.1.2.3")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("group : 10.1.2.3 is not a multicast address "
              + "(expected: 224.0.0.0/4 or ff00::/8)");
      assertThatThrownBy(() -> MulticastEndpoint.forGroup(InetAddress.getByName("127.0.0.1")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aGroupOfTheOtherFamilyIsRefused() throws Exception {
    InetAddress ipv4Group = InetAddress.getByName("224.225.226.227");
    InetAddress ipv6Group = InetAddress.getByName("ff15::1234");
    try (MulticastEndpoint ipv4 = MulticastEndpoint.open(StandardProtocolFamily.INET);
        MulticastEndpoint ipv6 = MulticastEndpoint.open(StandardProtocolFamily.INET6)) {
      assertThatThrownBy(() -> ipv4.join(ipv6Group))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("group : ff15:0:0:0:0:0:0:1234 is INET6 (expected: an INET "
              + "group");
      assertThatThrownBy(() -> ipv6.join(ipv4Group))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("group : 224.225.226.227 is INET (expected: an INET6 group");
      assertThatThrownBy(() -> ipv4.drop(ipv6Group)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void forGroupPicksTheGroupsFamily() throws Exception {
    try (MulticastEndpoint ipv4 = MulticastEndpoint.forGroup(
        InetAddress.getByName("239.1.2.3"));
        MulticastEndpoint ipv6 = MulticastEndpoint.forGroup(InetAddress.getByName("ff15::1"))) {
      assertThat(ipv4.family()).isEqualTo(StandardProtocolFamily.INET);
      assertThat(ipv6.family()).isEqualTo(StandardProtocolFamily.INET6);
    }
  }

  @Test
  void aSourceMustBeAUnicastAddressOfTheFamily() throws Exception {
    try (MulticastEndpoint socket = MulticastEndpoint.open(StandardProtocolFamily.INET)) {
      InetAddress group = InetAddress.getByName("232.1.1.1");
      assertThatThrownBy(() -> socket.block(group, InetAddress.getByName("::1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("source : 0:0:0:0:0:0:0:1 (expected: an INET unicast address)");
      assertThatThrownBy(() -> socket.block(group, InetAddress.getByName("127.0.0.1")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("not an any-source member of 232.1.1.1");
    }
  }

  @Test
  void anUnknownInterfaceIsRefused() throws Exception {
    try (MulticastEndpoint socket = MulticastEndpoint.open(StandardProtocolFamily.INET)) {
      assertThatThrownBy(() -> socket.setOutgoingInterface("nosuch0"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("interface : nosuch0 (no such interface)");
      assertThat(socket.outgoingInterface()).isEmpty();
    }
  }

  @Test
  void anInterfaceWithoutTheMulticastFlagIsRefused() throws Exception {
    Optional<NetworkInterface> noMulticast = Collections.list(
        NetworkInterface.getNetworkInterfaces()).stream()
        .filter(MulticastEndpointTest::upNoMulticast).findFirst();
    assumeTrue(noMulticast.isPresent(), "no interface here is up without the MULTICAST flag");
    String name = noMulticast.get().getName();
    try (MulticastEndpoint socket = MulticastEndpoint.open(StandardProtocolFamily.INET)) {
      assertThatThrownBy(() -> socket.setOutgoingInterface(name))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("interface : " + name + " has no MULTICAST flag");
      assertThatThrownBy(() -> socket.join(InetAddress.getByName("239.1.1.1"),
          noMulticast.get())).isInstanceOf(IllegalArgumentException.class);
      assertThat(socket.memberships()).isEmpty();
    }
  }

  private static boolean upNoMulticast(NetworkInterface candidate) {
    try {
      return candidate.isUp() && !candidate.supportsMulticast();
    } catch (SocketException e) {
      return false;
    }
  }

  @Test
  void severalReceiversCanBindOnePort() throws Exception {
    try (MulticastEndpoint first = MulticastEndpoint.open(StandardProtocolFamily.INET)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      int port = first.localAddress().getPort();
      try (MulticastEndpoint second = MulticastEndpoint.open(StandardProtocolFamily.INET)
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
        assertThat(second.localAddress().getPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void theUnixFamilyIsRefused() {
    assertThatThrownBy(() -> MulticastEndpoint.open(StandardProtocolFamily.UNIX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("family : UNIX (expected: INET or INET6)");
  }
}
