package dev.netkit.multicast;

import static dev.netkit.multicast.MulticastNamespaceIT.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.NetworkNamespace;
import dev.netkit.netns.TwoHosts;
import dev.netkit.netns.VethLink;
import dev.netkit.netns.WithTwoHosts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The multicast chat between {@link TwoHosts} (two namespaces joined by a veth pair, multicast
 * routed over it): the server and two clients on host A, two clients on host B; channel traffic
 * goes once to the channel's group. Both kinds of client take part: ones that follow
 * SET_MCAST_PORT and the book's, with a fixed data port.
 */
@WithTwoHosts
class MulticastChatIT {

  private static final String CHAT_PORT = "2027";
  private static final String DATA_PORT = "2028";

  private CapturedProcess client(NetworkNamespace host, String server, String nick, String kind)
      throws Exception {
    CapturedProcess client = host.launchJava(NamespaceChild.class, "chat-client", server,
        CHAT_PORT, nick, kind);
    client.awaitStdoutLine(("\tLog in successful.  Welcome " + nick + ".")::equals, WAIT);
    return client;
  }

  private static void join(CapturedProcess client, String channel) throws Exception {
    client.typeLines("/join " + channel);
    client.awaitStdoutLine(line -> line.startsWith("\tWelcome to the " + channel + " Channel"),
        WAIT);
  }

  @Test
  void clientsOnTwoHostsSeeEachOthersMessagesAndOnlyTheirChannels(TwoHosts hosts)
      throws Exception {
    chatOnTwoHosts(hosts, false);
  }

  /** Dave's data socket receives Weather's datagrams too; the client must filter them out. */
  @Test
  void aClientSeesNothingOfAChannelItIsNotInEvenOnASharedGroup(TwoHosts hosts)
      throws Exception {
    chatOnTwoHosts(hosts, true);
  }

  private void chatOnTwoHosts(TwoHosts hosts, boolean sharedGroup) throws Exception {
    NetworkNamespace hostA = hosts.hostA();
    NetworkNamespace hostB = hosts.hostB();
    VethLink link = hosts.link();
    String server = link.addressA().getHostAddress();
    (sharedGroup
        ? hostA.launchJava(NamespaceChild.class, "chat-server", CHAT_PORT, DATA_PORT,
            link.interfaceA(), "shared")
        : hostA.launchJava(NamespaceChild.class, "chat-server", CHAT_PORT, DATA_PORT,
            link.interfaceA())).awaitStdoutLine("READY"::equals, WAIT);
    CapturedProcess alice = client(hostA, "127.0.0.1", "alice", "follow");
    CapturedProcess bob = client(hostA, server, "bob", DATA_PORT);
    CapturedProcess carol = client(hostB, server, "carol", "follow");
    CapturedProcess dave = client(hostB, server, "dave", DATA_PORT);
    join(alice, "Weather");
    join(bob, "Weather");
    join(carol, "Weather");
    join(dave, "Pets");

    alice.awaitStdoutLine("\t<carol has entered Weather>"::equals, WAIT);
    alice.typeLines("hello from alice");
    for (CapturedProcess member : new CapturedProcess[] {alice, bob, carol}) {
      member.awaitStdoutLine("\talice [Weather]: hello from alice"::equals, WAIT);
    }
    carol.typeLines("hi from carol");
    for (CapturedProcess member : new CapturedProcess[] {alice, bob, carol}) {
      member.awaitStdoutLine("\tcarol [Weather]: hi from carol"::equals, WAIT);
    }
    join(carol, "Pets");
    carol.typeLines("pets only");

    dave.awaitStdoutLine("\tcarol [Pets]: pets only"::equals, WAIT);
    assertThat(dave.stdoutLines()).as("dave is only in Pets")
        .noneMatch(line -> line.contains("Weather"));
    assertThat(alice.stdoutLines()).noneMatch(line -> line.contains("pets only"));

    alice.typeLines("/part Weather");
    alice.awaitStdoutLine("\tYou have left the Weather Channel"::equals, WAIT);
    bob.awaitStdoutLine("\t<alice has left Weather>"::equals, WAIT);
    bob.typeLines("after alice left");
    bob.awaitStdoutLine("\tbob [Weather]: after alice left"::equals, WAIT);
    carol.awaitStdoutLine("\tbob [Weather]: after alice left"::equals, WAIT);
    assertThat(alice.stdoutLines()).as("as from chat-client: no notice about oneself")
        .noneMatch(line -> line.contains("<alice has"))
        .noneMatch(line -> line.contains("after alice left"));
  }

  @Test
  void aFollowingClientBindsThePortTheServerAnnounces(TwoHosts hosts) throws Exception {
    NetworkNamespace hostA = hosts.hostA();
    hostA.ip("link", "set", "lo", "multicast", "on");
    hostA.launchJava(NamespaceChild.class, "chat-server", CHAT_PORT, "2099", "lo")
        .awaitStdoutLine("READY"::equals, WAIT);
    CapturedProcess erin = hostA.launchJava(NamespaceChild.class, "chat-client", "127.0.0.1",
        CHAT_PORT, "erin", "follow");
    erin.awaitStdoutLine("\tLog in successful.  Welcome erin."::equals, WAIT);
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      erin.typeLines("/port");
      assertThat(erin.stdoutLines()).contains("PORT OptionalInt[2099]");
    });
  }
}
