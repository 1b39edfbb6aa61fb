package dev.netkit.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.codec.chat.ChannelFormat;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.UserJoins;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChatEventDispatcherTest {

  private final List<String> calls = new CopyOnWriteArrayList<>();

  /** Records the calls it gets, prefixed with its name. */
  private ChatListener recorder(String name) {
    return new ChatListener() {
      @Override
      public void onLoginAck(LoginAck ack) {
        calls.add(name + " login " + ack.nick());
      }

      @Override
      public void onUserJoins(UserJoins notice) {
        calls.add(name + " joins " + notice.user());
      }

      @Override
      public void onUnexpected(String problem) {
        calls.add(name + " unexpected");
      }
    };
  }

  @Test
  void everyListenerGetsEachEventInTheOrderGiven() {
    ChatEventDispatcher dispatcher = new ChatEventDispatcher(ChannelFormat.STANDARD,
        recorder("first"), recorder("second"));

    assertThat(dispatcher.dispatch(new LoginAck("lincoln").toFrame()))
        .isEqualTo(new LoginAck("lincoln"));
    dispatcher.dispatch(new UserJoins("Weather", "jim").toFrame());

    assertThat(calls).containsExactly("first login lincoln", "second login lincoln",
        "first joins jim", "second joins jim");
  }

  @Test
  void aClientEventIsUnexpectedForEveryListener() {
    ChatEventDispatcher dispatcher = new ChatEventDispatcher(ChannelFormat.STANDARD,
        recorder("first"), recorder("second"));

    assertThat(dispatcher.dispatch(new JoinRequest("Weather").toFrame())).isNull();

    assertThat(calls).containsExactly("first unexpected", "second unexpected");
  }
}
