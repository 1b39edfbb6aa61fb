package dev.netkit.chat.server;

import dev.netkit.chat.testing.ChatFixture;
import dev.netkit.chat.testing.ChatPeer;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.LoginRequest;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DESIGN.md "Hostile peers": a failure in one event, an {@link Error} included, costs that event. */
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

  @Test
  void anErrorInOneEventLeavesTheServerServing() throws Exception {
    ChatServer server = chat.startServer(builder -> builder.fanOut(FailingFanOut::new));
    chat.peer(server.localAddress()).send(new LoginRequest("boom"));

    ChatPeer alice = chat.peer(server.localAddress()).login("alice");

    alice.assertNothingElse();
  }
}
