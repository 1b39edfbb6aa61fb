package dev.netkit.chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.testing.ChatFixture;
import dev.netkit.chat.testing.ChatPeer;
import dev.netkit.chat.testing.RecordingListener;
import dev.netkit.codec.chat.ChannelFormat;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ChatErrors;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.Logoff;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatClientIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String WEATHER = "Talk about the weather";

  @RegisterExtension
  final ChatFixture chat = new ChatFixture();

  private InetSocketAddress startServer() throws Exception {
    return chat.startServer().localAddress();
  }

  private ChatClient client(ChatClientConfig config, ChatListener listener) throws Exception {
    return chat.use(ChatClient.open(config, listener));
  }

  private ChatClient client(InetSocketAddress server, ChatListener listener) throws Exception {
    return client(ChatClientConfig.builder().server(server).build(), listener);
  }

  /** A bound UDP socket that never answers. */
  private DatagramChannel silentSocket() throws Exception {
    return chat.use(DatagramChannel.open()
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
  }

  private static void awaitEvents(RecordingListener listener, ChatPayload... expected) {
    await().atMost(WAIT).untilAsserted(
        () -> assertThat(listener.events()).containsExactly(expected));
  }

  @Test
  void everyCommandReachesTheServerAndEveryAnswerTheListener() throws Exception {
    InetSocketAddress server = startServer();
    RecordingListener aliceSees = new RecordingListener();
    RecordingListener bobSees = new RecordingListener();
    ChatClient alice = client(server, aliceSees);
    ChatClient bob = client(server, bobSees);

    assertThat(alice.login("alice")).isEqualTo("alice");
    assertThat(bob.login("bob")).isEqualTo("bob");
    alice.join("Weather");
    awaitEvents(aliceSees, new LoginAck("alice"), new JoinAck(ChannelInfo.of("Weather", 1,
        WEATHER)));
    bob.join("weather");
    bob.sendPublic("hello");
    bob.sendPrivate("alice", "psst");
    bob.listUsers();
    bob.listChannels();
    bob.join("Pets");
    bob.part();
    bob.part("Weather");

    await().atMost(WAIT).until(() -> bobSees.events().size() == 14);
    List<ChatPayload> seen = bobSees.events();
    assertThat(seen.subList(0, 3)).containsExactly(new LoginAck("bob"),
        new JoinAck(ChannelInfo.of("Weather", 2, WEATHER)),
        new PublicMessage("Weather", "bob", "hello"));
    assertThat(((UserItem) seen.get(3)).user()).isEqualTo("alice");
    assertThat(((UserItem) seen.get(4)).user()).isEqualTo("bob");
    assertThat(seen.subList(5, 10)).allMatch(ChannelItem.class::isInstance);
    assertThat(seen.subList(10, 14)).containsExactly(
        new JoinAck(ChannelInfo.of("Pets", 1, "For our furry and feathered friends")),
        new PartAck(ChannelInfo.of("Pets", 0, "For our furry and feathered friends")),
        new JoinAck(ChannelInfo.of("Weather", 2, WEATHER)),
        new PartAck(ChannelInfo.of("Weather", 1, WEATHER)));
    awaitEvents(aliceSees, new LoginAck("alice"),
        new JoinAck(ChannelInfo.of("Weather", 1, WEATHER)), new UserJoins("Weather", "bob"),
        new PublicMessage("Weather", "bob", "hello"), new PrivateMessage("bob", "psst"),
        new UserParts("Weather", "bob"));
  }

  @Test
  void aRefusedLoginThrowsWithTheServersMessage() throws Exception {
    InetSocketAddress server = startServer();
    client(server, new RecordingListener()).login("alice");
    RecordingListener listener = new RecordingListener();
    ChatClient second = client(server, listener);

    assertThatThrownBy(() -> second.login("alice"))
        .isInstanceOf(LoginRefusedException.class)
        .hasMessage("login refused: nickname already in use")
        .extracting(e -> ((LoginRefusedException) e).serverMessage())
        .isEqualTo(ChatErrors.NICKNAME_IN_USE);
    assertThat(listener.events()).containsExactly(new ErrorMessage(ChatErrors.NICKNAME_IN_USE));
    assertThat(second.nickname()).isEmpty();
  }

  @Test
  void loginRetriesAndGivesUpWhenNobodyAnswers() throws Exception {
    DatagramChannel silent = silentSocket();
    ChatClient client = client(ChatClientConfig.builder().server(
        (InetSocketAddress) silent.getLocalAddress())
        .login(3, Duration.ofMillis(100)).build(), new RecordingListener());
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> client.login("alice", attempts::set))
        .isInstanceOf(LoginTimeoutException.class)
        .hasMessageContaining("3 LOGIN_REQ tries 100 ms apart");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void loginRetriesUntilTheServerComesUp() throws Exception {
    try (FakeServer fake = new FakeServer()) {
      ChatClient client = client(ChatClientConfig.builder().server(fake.address())
          .login(5, Duration.ofMillis(200)).build(), new RecordingListener());
      fake.ignoreNext(2);

      assertThat(client.login("alice")).isEqualTo("alice");
      assertThat(fake.received(ChatEvent.LOGIN_REQ)).isEqualTo(3);
    }
  }

  @Test
  void keepAliveSendsStillHereAndCloseSendsLogoff() throws Exception {
    try (FakeServer fake = new FakeServer()) {
      ChatClient client = client(ChatClientConfig.builder().server(fake.address())
          .keepAliveInterval(Duration.ofMillis(50)).build(), new RecordingListener());
      client.login("alice");

      await().atMost(WAIT).until(() -> fake.received(ChatEvent.STILL_HERE) >= 3);
      client.close();

      await().atMost(WAIT).until(() -> fake.received(ChatEvent.LOGOFF) == 1);
      assertThat(fake.frames()).contains(new Logoff(Optional.of("alice")).toFrame());
      assertThatThrownBy(() -> client.join("Weather"))
          .isInstanceOf(ClosedChannelException.class);
    }
  }

  @Test
  void noKeepAliveBeforeLoginNorAfterLogoff() throws Exception {
    try (FakeServer fake = new FakeServer()) {
      ChatClient client = client(ChatClientConfig.builder().server(fake.address())
          .keepAliveInterval(Duration.ofMillis(20)).build(), new RecordingListener());
      client.listChannels();
      client.login("alice");
      client.logoff();
      long stillHeres = fake.received(ChatEvent.STILL_HERE);
      client.listChannels();
      await().atMost(WAIT).until(() -> fake.received(ChatEvent.LIST_CHANNELS) == 2);

      assertThat(fake.received(ChatEvent.STILL_HERE)).isLessThanOrEqualTo(stillHeres + 1);
      assertThat(client.nickname()).isEmpty();
    }
  }

  @Test
  void framesFedFromElsewhereReachTheSameListenerInTheMulticastForm() throws Exception {
    try (FakeServer fake = new FakeServer()) {
      RecordingListener listener = new RecordingListener();
      ChatClient client = client(ChatClientConfig.builder().server(fake.address())
          .channelFormat(ChannelFormat.MULTICAST).build(), listener);

      client.dispatch(ChatFrame.of(ChatEvent.JOIN_ACK, "Weather 2 225.1.0.2 Talk"));
      client.dispatch(new PublicMessage("Weather", "bob", "via the group").toFrame());
      client.dispatch(ChatFrame.of(ChatEvent.JOIN_ACK, "Weather 2 Talk"));
      client.dispatch(ChatFrame.of(ChatEvent.LOGIN_REQ, "bob"));
      client.dispatch(ChatFrame.of(777, new byte[0]));

      assertThat(listener.events()).containsExactly(
          new JoinAck(ChannelInfo.multicast("Weather", 2, "225.1.0.2", "Talk")),
          new PublicMessage("Weather", "bob", "via the group"));
      assertThat(listener.problems()).hasSize(3);
      assertThat(listener.problems().get(0)).startsWith("JOIN_ACK group : \"Talk\"");
      assertThat(listener.problems().get(2)).startsWith("chat event code : 777");
    }
  }

  @Test
  void malformedDatagramsFromTheServerAreReportedNotFatal() throws Exception {
    try (FakeServer fake = new FakeServer()) {
      RecordingListener listener = new RecordingListener();
      ChatClient client = client(fake.address(), listener);
      client.listChannels();
      await().atMost(WAIT).until(() -> fake.received(ChatEvent.LIST_CHANNELS) == 1);

      fake.sendRaw(new byte[] {1});
      fake.sendRaw(new byte[] {0, 10, (byte) 0xff});
      fake.sendRaw(new byte[2000]);
      fake.send(new ErrorMessage("still fine"));

      awaitEvents(listener, new ErrorMessage("still fine"));
      assertThat(listener.problems()).hasSize(3);
    }
  }

  @Test
  void closeWakesAWaitingLogin() throws Exception {
    DatagramChannel silent = silentSocket();
    ChatClient client = client(ChatClientConfig.builder().server(
        (InetSocketAddress) silent.getLocalAddress()).build(), new RecordingListener());
    AtomicInteger attempts = new AtomicInteger();
    List<Throwable> thrown = new ArrayList<>();
    Thread login = new Thread(() -> {
      try {
        client.login("alice", attempts::set);
      } catch (Exception e) {
        synchronized (thrown) {
          thrown.add(e);
        }
      }
    });
    login.start();
    await().atMost(WAIT).until(() -> attempts.get() == 1);

    client.close();

    login.join(WAIT.toMillis());
    assertThat(login.isAlive()).isFalse();
    assertThat(thrown).singleElement().isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void aClientAgainstTheServerIsAutoLoggedOutOnlyWithoutKeepAlive() throws Exception {
    ChatServer server = chat.startServer(
        b -> b.autoLogout(Duration.ofMillis(400)).checkInterval(Duration.ofMillis(50)));
    ChatClient kept = client(ChatClientConfig.builder().server(server.localAddress())
        .keepAliveInterval(Duration.ofMillis(50)).build(), new RecordingListener());
    kept.login("kept");
    ChatPeer silent = chat.peer(server.localAddress());
    silent.login("silent");

    await().atMost(WAIT).until(() -> server.stats().autoLogouts() == 1);

    assertThat(server.stats().users()).isEqualTo(1);
    silent.sendAndExpectError(new dev.netkit.codec.chat.ListChannels(), ChatErrors.PLEASE_LOG_IN);
  }
}
