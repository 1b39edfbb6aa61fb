package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.testsupport.CloseAfterEach;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EchoClientIT {

  private static final EchoClientConfig QUICK =
      EchoClientConfig.builder().timeout(Duration.ofMillis(200)).tries(3).build();

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  @Test
  void printsTheServersReplies() throws Exception {
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    EchoClient client = resources.use(EchoClient.open(server.localAddress()));

    assertThat(client.request("hello there")).isEqualTo("ereht olleh");
    assertThat(client.request("what's up?")).isEqualTo("?pu s'tahw");
  }

  @Test
  void timesOutAgainstASilentPortAfterEveryTry() throws Exception {
    Peer silent = resources.use(new Peer());
    EchoClient client = resources.use(EchoClient.open(silent.address(), QUICK));

    assertThatThrownBy(() -> client.request("anyone home?"))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("no reply from " + silent.address() + " after 3 tries of 200 ms");
    assertThat(silent.drain()).containsExactly("anyone home?", "anyone home?", "anyone home?");
  }

  @Test
  void reportsAPortWithNothingOnItAsUnreachable() throws Exception {
    EchoClient client = resources.use(EchoClient.open(DaytimeIT.freePort(), QUICK));

    assertThatThrownBy(() -> client.request("anyone home?"))
        .isInstanceOf(PortUnreachableException.class);
  }

  @Test
  void retriesWhenTheFirstTryGetsNoAnswer() throws Exception {
    Peer server = resources.use(new Peer());
    EchoClient client = resources.use(EchoClient.open(server.address(),
        QUICK.toBuilder().timeout(Duration.ofMillis(300)).build()));
    Thread answerSecondTry = new Thread(() -> {
      try {
        server.receive(5_000);
        server.receive(5_000);
        server.send("second", server.lastSender());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    answerSecondTry.start();

    assertThat(client.request("hello")).isEqualTo("second");
    answerSecondTry.join(10_000);
  }

  @Test
  void dropsALateReplyToAnEarlierRequest() throws Exception {
    Peer server = resources.use(new Peer());
    EchoClient client = resources.use(EchoClient.open(server.address(),
        QUICK.toBuilder().tries(1).timeout(Duration.ofMillis(100)).build()));
    assertThatThrownBy(() -> client.request("one")).isInstanceOf(SocketTimeoutException.class);
    server.receive(5_000);
    server.send("eno (late)", server.lastSender());
    Thread answer = new Thread(() -> {
      try {
        server.receive(5_000);
        server.send("owt", server.lastSender());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    answer.start();

    assertThat(client.request("two")).isEqualTo("owt");
    answer.join(10_000);
  }

  @Test
  void refusesRequestsLongerThanTheLimit() throws Exception {
    EchoClient client = resources.use(EchoClient.open(DaytimeIT.freePort()));

    assertThatThrownBy(() -> client.request("x".repeat(5001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request length : 5001 (limit: 5000)");
  }
}
