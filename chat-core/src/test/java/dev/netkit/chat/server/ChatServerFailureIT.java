package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.chat.testing.ChatFixture;
import dev.netkit.chat.testing.ChatPeer;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChatErrors;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.LoginRequest;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SendPublic;
import dev.netkit.codec.chat.StillHere;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DESIGN.md "Hostile peers": a failure in one event, an {@link Error} included, costs that event;
 * a failing fan-out costs its deliveries, never the serving loop.
 */
class ChatServerFailureIT {

  @RegisterExtension
  final ChatFixture chat = new ChatFixture();

  /** Unicast delivery, but the login of "boom" fails with an Error. */
  private static final class FailingFanOut implements FanOut {
    private final UnicastFanOut unicast = new UnicastFanOut();

    @Override
    public void deliver(ChannelView channel, ByteBuffer datagram, Outbox outbox) {
      unicast.deliver(channel, datagram, outbox);
    }

    @Override
    public ChannelInfo describe(ChannelView channel) {
      return unicast.describe(channel);
    }

    @Override
    public List<ChatPayload> afterLogin(UserView user) {
      if (user.nickname().equals("boom")) {
        throw new StackOverflowError("injected");
      }
      return unicast.afterLogin(user);
    }
  }

  /** Unicast delivery, except that every USER_PARTS fails: a fan-out with a bug. */
  private static final class PartsFailingFanOut implements FanOut {
    private final UnicastFanOut unicast = new UnicastFanOut();

    @Override
    public void deliver(ChannelView channel, ByteBuffer datagram, Outbox outbox) {
      if (datagram.getShort(datagram.position()) == ChatEvent.USER_PARTS.code()) {
        throw new IllegalStateException("injected");
      }
      unicast.deliver(channel, datagram, outbox);
    }

    @Override
    public ChannelInfo describe(ChannelView channel) {
      return unicast.describe(channel);
    }
  }

  @Test
  void aFanOutFailingDuringTheAutoLogoutLeavesTheServerServing() throws Exception {
    ChatServer server = chat.startServer(builder -> builder.fanOut(PartsFailingFanOut::new)
        .autoLogout(Duration.ofMillis(300)).checkInterval(Duration.ofMillis(50)));
    ChatPeer ghost = chat.peer(server.localAddress()).login("ghost");
    ghost.join("Weather");
    ChatPeer alice = chat.peer(server.localAddress()).login("alice");
    alice.join("Weather");

    // The ghost falls silent; alice keeps talking until the check has logged the ghost out.
    await().atMost(ChatPeer.WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
      alice.send(new StillHere());
      return server.stats().autoLogouts() == 1;
    });

    assertThat(server.isRunning()).isTrue();
    assertThat(server.stats().users()).isEqualTo(1);
    ghost.drain();
    ghost.sendAndExpectError(new SendPublic("still here?"), ChatErrors.PLEASE_LOG_IN);
    alice.drain();
    alice.sendAndExpect(new SendPublic("yes"), new PublicMessage("Weather", "alice", "yes"));
  }

  @Test
  void anErrorInOneEventLeavesTheServerServing() throws Exception {
    ChatServer server = chat.startServer(builder -> builder.fanOut(FailingFanOut::new));
    chat.peer(server.localAddress()).send(new LoginRequest("boom"));

    ChatPeer alice = chat.peer(server.localAddress()).login("alice");

    alice.assertNothingElse();
  }
}
