package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.chat.ChannelDefinition;
import dev.netkit.chat.testing.ChatFixture;
import dev.netkit.chat.testing.ChatPeer;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ChatErrors;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.ListChannels;
import dev.netkit.codec.chat.ListUsers;
import dev.netkit.codec.chat.LoginRequest;
import dev.netkit.codec.chat.Logoff;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PartRequest;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SendPrivate;
import dev.netkit.codec.chat.SendPublic;
import dev.netkit.codec.chat.StillHere;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The semantics of DESIGN.md "Chat", scenario by scenario, over loopback. */
class ChatServerIT {

  private static final String WEATHER = "Talk about the weather";
  private static final String PETS = "For our furry and feathered friends";

  @RegisterExtension
  final ChatFixture chat = new ChatFixture();
  private ChatServer server;
  private InetSocketAddress address;

  /** Whether the server batches its system calls; {@code PlainChatServerIT} runs without. */
  boolean batched() {
    return true;
  }

  private void start(UnaryOperator<ChatServerConfig.Builder> settings) throws Exception {
    server = chat.startServer(builder -> settings.apply(builder.errorRateLimit(1000, 1000, 100)
        .batched(batched())));
    address = server.localAddress();
  }

  private void start() throws Exception {
    start(b -> b);
  }

  /** A peer of the running server, logged in as {@code nickname}. */
  private ChatPeer user(String nickname) {
    return chat.peer(address).login(nickname);
  }

  /** Stats are published after each batch, so a reply can come before them: wait. */
  private void awaitStat(java.util.function.ToLongFunction<ChatServerStats> stat, long value) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(stat.applyAsLong(server.stats())).isEqualTo(value));
  }

  private static JoinAck joinAck(String title, int count, String description) {
    return new JoinAck(ChannelInfo.of(title, count, description));
  }

  private static PartAck partAck(String title, int count, String description) {
    return new PartAck(ChannelInfo.of(title, count, description));
  }

  @Test
  void loginAnswersLoginAckAndRefusesATakenNickname() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer other = chat.peer(address);

    other.sendAndExpectError(new LoginRequest("alice"), ChatErrors.NICKNAME_IN_USE);
    alice.assertNothingElse();
    awaitStat(ChatServerStats::users, 1);
  }

  @Test
  void anythingButLoginFromAnUnknownAddressGetsPleaseLogIn() throws Exception {
    start();
    ChatPeer stranger = chat.peer(address);

    stranger.sendAndExpectError(0, "", ChatErrors.PLEASE_LOG_IN);
    stranger.sendAndExpectError(new JoinRequest("Weather"), ChatErrors.PLEASE_LOG_IN);
    stranger.sendAndExpectError(new StillHere(), ChatErrors.PLEASE_LOG_IN);
  }

  @Test
  void unknownAndServerSideCodesFromAUserAreUnimplemented() throws Exception {
    start();
    ChatPeer alice = user("alice");

    alice.sendAndExpectError(4242, "x", ChatErrors.UNIMPLEMENTED_EVENT_CODE);
    alice.sendAndExpectError(ChatEvent.JOIN_ACK.code(), "Weather 1 x",
        ChatErrors.UNIMPLEMENTED_EVENT_CODE);
  }

  @Test
  void joinNotifiesExistingMembersOnlyAndMatchesTitlesInAnyCase() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");

    alice.sendAndExpect(new JoinRequest("weather"), joinAck("Weather", 1, WEATHER));
    bob.sendAndExpect(new JoinRequest("WEATHER"), joinAck("Weather", 2, WEATHER));

    assertThat(alice.sync()).containsExactly(new UserJoins("Weather", "bob").toFrame());
    bob.assertNothingElse();
  }

  @Test
  void joiningAMemberChannelMakesItCurrentWithoutNotices() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");
    bob.sendAndExpect(new JoinRequest("Weather"), joinAck("Weather", 1, WEATHER));
    alice.sendAndExpect(new JoinRequest("Weather"), joinAck("Weather", 2, WEATHER));
    alice.sendAndExpect(new JoinRequest("Pets"), joinAck("Pets", 1, PETS));

    alice.sendAndExpect(new SendPublic("on pets"), new PublicMessage("Pets", "alice", "on pets"));
    alice.sendAndExpect(new JoinRequest("weather"), joinAck("Weather", 2, WEATHER));
    alice.send(new SendPublic("on weather"));

    alice.expect(new PublicMessage("Weather", "alice", "on weather"));
    assertThat(bob.sync()).containsExactly(new UserJoins("Weather", "alice").toFrame(),
        new PublicMessage("Weather", "alice", "on weather").toFrame());
  }

  @Test
  void publicMessagesGoToEveryMemberSenderIncluded() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");
    ChatPeer carol = user("carol");
    for (ChatPeer peer : List.of(alice, bob)) {
      peer.join("Hobbies");
    }
    alice.sync();

    bob.send(new SendPublic("hello, anyone here?"));

    PublicMessage expected = new PublicMessage("Hobbies", "bob", "hello, anyone here?");
    assertThat(alice.sync()).containsExactly(expected.toFrame());
    assertThat(bob.sync()).containsExactly(expected.toFrame());
    carol.assertNothingElse();
  }

  @Test
  void aChannelLargerThanOneSendBatchGetsEveryMessageInOrder() throws Exception {
    // Every peer is on 127.0.0.1: allow more users per address than the default.
    start(b -> b.maxUsersPerAddress(100));
    // 70 members: one message's copies span two sendmmsg batches of 64.
    List<ChatPeer> members = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      members.add(user("member" + i).join("Pets"));
    }
    for (ChatPeer member : members) {
      member.sync();
    }

    for (int i = 0; i < 3; i++) {
      members.get(0).send(new SendPublic("message " + i));
    }

    List<ChatFrame> expected = List.of(
        new PublicMessage("Pets", "member0", "message 0").toFrame(),
        new PublicMessage("Pets", "member0", "message 1").toFrame(),
        new PublicMessage("Pets", "member0", "message 2").toFrame());
    for (ChatPeer member : members) {
      assertThat(member.sync()).as(member.toString()).isEqualTo(expected);
    }
  }

  @Test
  void withoutACurrentChannelPublicAndListUsersFail() throws Exception {
    start();
    ChatPeer alice = user("alice");

    alice.sendAndExpectError(new SendPublic("hello"), ChatErrors.NO_CURRENT_CHANNEL);
    alice.sendAndExpectError(new ListUsers(), ChatErrors.NO_CURRENT_CHANNEL);
  }

  @Test
  void listUsersListsTheCurrentChannelsMembersWithTheirChannelsCurrentFirst() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");
    alice.join("Weather");
    bob.join("Weather");
    alice.expect(new UserJoins("Weather", "bob"));
    alice.join("Pets");
    alice.join("Weather");

    bob.send(new ListUsers());

    assertThat(bob.expectText(ChatEvent.USER_ITEM)).matches("alice \\d+ Weather Pets");
    assertThat(bob.expectText(ChatEvent.USER_ITEM)).matches("bob \\d+ Weather");
    bob.assertNothingElse();
  }

  @Test
  void listChannelsListsEveryChannelInConfigurationOrderWithCounts() throws Exception {
    start();
    ChatPeer alice = user("alice");
    alice.join("Gardening");

    alice.send(new ListChannels());

    List<ChannelItem> expected = new ArrayList<>();
    for (ChannelDefinition channel : ChannelDefinition.defaults()) {
      int count = channel.title().equals("Gardening") ? 1 : 0;
      expected.add(new ChannelItem(ChannelInfo.of(channel.title(), count,
          channel.description())));
    }
    for (ChannelItem item : expected) {
      alice.expect(item);
    }
    alice.assertNothingElse();
  }

  @Test
  void partingTheCurrentChannelAcksAndJoinAcksTheNewCurrentOne() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");
    bob.join("Pets");
    alice.join("Weather");
    alice.join("Pets");
    bob.sync();

    alice.send(PartRequest.currentChannel());

    alice.expect(partAck("Pets", 1, PETS));
    alice.expect(joinAck("Weather", 1, WEATHER));
    alice.assertNothingElse();
    assertThat(bob.sync()).containsExactly(new UserParts("Pets", "alice").toFrame());
  }

  @Test
  void partingAnotherChannelByTitleKeepsTheCurrentOne() throws Exception {
    start();
    ChatPeer alice = user("alice");
    alice.join("Weather");
    alice.join("Pets");

    alice.send(PartRequest.of("WEATHER"));

    alice.expect(partAck("Weather", 0, WEATHER));
    alice.assertNothingElse();
    alice.sendAndExpect(new SendPublic("still on pets"),
        new PublicMessage("Pets", "alice", "still on pets"));
  }

  @Test
  void partingTheLastChannelLeavesNoCurrentChannel() throws Exception {
    start();
    ChatPeer alice = user("alice");
    alice.join("Weather");

    alice.send(PartRequest.currentChannel());

    alice.expect(partAck("Weather", 0, WEATHER));
    alice.assertNothingElse();
    alice.send(PartRequest.currentChannel());
    alice.assertNothingElse();
  }

  @Test
  void partingAChannelTheUserIsNotInIsIgnoredAndAnUnknownOneIsAnError() throws Exception {
    start();
    ChatPeer alice = user("alice");

    alice.send(PartRequest.of("Pets"));
    alice.assertNothingElse();
    alice.sendAndExpectError(PartRequest.of("Knitting"), "no channel named Knitting");
    alice.sendAndExpectError(new JoinRequest("Knitting"), "no channel named Knitting");
  }

  @Test
  void privateMessagesReachOneUserAndFailForAbsentOrMissingRecipients() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");

    alice.send(new SendPrivate("bob", "are you there?"));
    bob.expect(new PrivateMessage("alice", "are you there?"));
    alice.sendAndExpectError(new SendPrivate("carol", "hi"), "carol: not logged in");
    alice.sendAndExpectError(ChatEvent.SEND_PRIVATE.code(), " no recipient",
        ChatErrors.NO_RECIPIENT);
    alice.sendAndExpectError(ChatEvent.SEND_PRIVATE.code(), "", ChatErrors.NO_RECIPIENT);
    alice.assertNothingElse();
    bob.assertNothingElse();
  }

  /** Issue 15: JOIN without a title, SEND_PRIVATE without text get a clear error. */
  @Test
  void aJoinWithoutTitleAndAPrivateMessageWithoutTextAreRefused() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");

    alice.sendAndExpectError(ChatEvent.JOIN_REQ.code(), "", ChatErrors.NO_CHANNEL_TITLE);
    alice.sendAndExpectError(ChatEvent.JOIN_REQ.code(), "  ", ChatErrors.NO_CHANNEL_TITLE);
    alice.sendAndExpectError(ChatEvent.SEND_PRIVATE.code(), "bob", ChatErrors.NO_PRIVATE_TEXT);
    alice.sendAndExpectError(ChatEvent.SEND_PRIVATE.code(), "bob ", ChatErrors.NO_PRIVATE_TEXT);
    alice.assertNothingElse();
    bob.assertNothingElse();
  }

  @Test
  void logoffPartsEveryChannelWithNoticesAndForgetsTheUser() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");
    for (String title : List.of("Weather", "Pets")) {
      bob.join(title);
      alice.join(title);
      bob.expect(new UserJoins(title, "alice"));
    }
    bob.sync();

    alice.send(Logoff.parse("alice"));

    assertThat(bob.sync()).containsExactly(new UserParts("Pets", "alice").toFrame(),
        new UserParts("Weather", "alice").toFrame());
    alice.sendAndExpectError(new ListChannels(), ChatErrors.PLEASE_LOG_IN);
    ChatPeer newcomer = user("alice");
    newcomer.assertNothingElse();
  }

  @Test
  void aSecondLoginFromTheSameAddressReplacesTheSession() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");
    bob.join("Weather");
    alice.join("Weather");
    bob.sync();

    alice.login("alicia");

    assertThat(bob.sync()).containsExactly(new UserParts("Weather", "alice").toFrame());
    user("alice");
    alice.sendAndExpectError(new SendPublic("hello"), ChatErrors.NO_CURRENT_CHANNEL);
    alice.login("alicia");
    awaitStat(ChatServerStats::users, 3);
  }

  @Test
  void invalidNicknamesAreRefused() throws Exception {
    start();
    ChatPeer peer = chat.peer(address);

    for (String nick : List.of("", "two words", "x".repeat(33), "tab\there", "bell\u0007",
        "zero\u200bwidth", " lead")) {
      peer.sendAndExpectError(ChatEvent.LOGIN_REQ.code(), nick, ChatErrors.INVALID_NICKNAME);
    }
    peer.sendRawAndExpectError(new byte[] {0, 20, (byte) 0xc3, 0x28}, ChatErrors.INVALID_NICKNAME);
    peer.login("x".repeat(32));
    peer.login("Zoë");
  }

  @Test
  void aFullServerRefusesNewUsersButNotReplacements() throws Exception {
    start(b -> b.maxUsers(2));
    ChatPeer alice = user("alice");
    user("bob");
    ChatPeer carol = chat.peer(address);

    carol.sendAndExpectError(new LoginRequest("carol"), ChatErrors.SERVER_FULL);
    alice.login("alicia");
    awaitStat(ChatServerStats::users, 2);
  }

  @Test
  void aUserCannotJoinMoreThanTheChannelLimit() throws Exception {
    start(b -> b.maxChannelsPerUser(2));
    ChatPeer alice = user("alice");
    alice.join("Weather");
    alice.join("Pets");

    alice.sendAndExpectError(new JoinRequest("Hobbies"), ChatErrors.TOO_MANY_CHANNELS);
    alice.sendAndExpect(new JoinRequest("Weather"), joinAck("Weather", 1, WEATHER));
  }

  @Test
  void hostileDatagramsGetTheRightErrorOrAreDropped() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer stranger = chat.peer(address);
    byte[] oversize = new byte[1025];
    oversize[1] = (byte) ChatEvent.SEND_PUBLIC.code();

    alice.sendRawAndExpectError(oversize, ChatErrors.MESSAGE_TOO_LONG);
    alice.sendRaw(new byte[] {0});
    alice.sendRaw(new byte[0]);
    alice.assertNothingElse();
    alice.sendRawAndExpectError(new byte[] {0, 90, (byte) 0xff, (byte) 0xfe},
        ChatErrors.MALFORMED_TEXT);
    alice.sendAndExpectError(ChatEvent.JOIN_REQ.code(), "", ChatErrors.NO_CHANNEL_TITLE);
    alice.sendAndExpectError(ChatEvent.JOIN_REQ.code(), "Weather Pets",
        "no channel named Weather Pets");
    alice.sendAndExpectError(ChatEvent.JOIN_REQ.code(), "y".repeat(1000),
        "no channel named " + "y".repeat(64) + "…");

    stranger.sendRaw(oversize);
    stranger.sendRaw(new byte[] {7});
    stranger.sendAndExpectError(0, "", ChatErrors.PLEASE_LOG_IN);
    awaitStat(ChatServerStats::datagramsDropped, 4);
  }

  @Test
  void aMessageWhoseRelayedFormIsTooLongIsRefused() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer bob = user("bob");
    alice.join("Weather");

    alice.sendAndExpectError(new SendPublic("z".repeat(1020)), ChatErrors.MESSAGE_TOO_LONG);
    alice.sendAndExpectError(new SendPrivate("bob", "z".repeat(1017)), ChatErrors.MESSAGE_TOO_LONG);
    alice.assertNothingElse();
    bob.assertNothingElse();
  }

  @Test
  void aVanishedClientDoesNotStopTheServer() throws Exception {
    start();
    ChatPeer alice = user("alice");
    ChatPeer ghost = ChatPeer.open(address).login("ghost");
    ghost.join("Weather");
    alice.join("Weather");
    ghost.close();

    for (int i = 0; i < 20; i++) {
      alice.sendAndExpect(new SendPublic("anyone? " + i),
          new PublicMessage("Weather", "alice", "anyone? " + i));
    }
    alice.send(new SendPrivate("ghost", "boo"));

    alice.assertNothingElse();
    assertThat(server.isRunning()).isTrue();
  }

  @Test
  void startingTwiceFailsAndClosingIsIdempotent() throws Exception {
    start();

    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("Server already started");
    server.close();
    server.close();
    assertThat(server.isRunning()).isFalse();
  }

  @Test
  void channelsComeFromTheConfigurationAndUnicastHidesTheirGroups() throws Exception {
    start(b -> b.channels(List.of(
        ChannelDefinition.multicast("Knitting", "Needles and yarn", "225.9.9.9"),
        ChannelDefinition.of("Chess", ""))));
    ChatPeer alice = user("alice");

    alice.sendAndExpect(new ListChannels(),
        new ChannelItem(ChannelInfo.of("Knitting", 0, "Needles and yarn")));
    alice.expect(new ChannelItem(ChannelInfo.of("Chess", 0, "")));
    alice.sendAndExpect(new JoinRequest("chess"), joinAck("Chess", 1, ""));
    alice.sendAndExpectError(new JoinRequest("Weather"), "no channel named Weather");
  }

  @Test
  void theFanOutStrategyDeliversDescribesAndFollowsLogin() throws Exception {
    List<String> delivered = new ArrayList<>();
    FanOut multicastLike = new FanOut() {
      @Override
      public void deliver(ChannelView channel, java.nio.ByteBuffer datagram, Outbox outbox) {
        delivered.add(channel.title() + " " + channel.memberCount() + " "
            + datagram.remaining());
      }

      @Override
      public ChannelInfo describe(ChannelView channel) {
        return ChannelInfo.multicast(channel.title(), channel.memberCount(),
            channel.definition().groupLiteral().orElseThrow(),
            channel.definition().description());
      }

      @Override
      public List<dev.netkit.codec.chat.ChatPayload> afterLogin(UserView user) {
        return List.of(new dev.netkit.codec.chat.SetMcastPort(2028));
      }
    };
    start(b -> b.fanOut(() -> multicastLike));
    ChatPeer alice = user("alice");
    alice.expect(new dev.netkit.codec.chat.SetMcastPort(2028));
    ChatPeer bob = user("bob");
    bob.receive();

    alice.sendAndExpect(new JoinRequest("Weather"),
        new JoinAck(ChannelInfo.multicast("Weather", 1, "225.1.0.2", WEATHER)));
    bob.join("Weather");
    bob.send(new SendPublic("hi"));

    bob.assertNothingElse();
    alice.assertNothingElse();
    assertThat(delivered).containsExactly(
        "Weather 1 " + new UserJoins("Weather", "bob").toFrame().length(),
        "Weather 2 " + new PublicMessage("Weather", "bob", "hi").toFrame().length());
  }

  @Test
  void theLogoffPayloadIsIgnored() throws Exception {
    start();
    ChatPeer alice = user("alice");

    alice.send(new Logoff(Optional.of("somebody else")));

    alice.sendAndExpectError(new ListChannels(), ChatErrors.PLEASE_LOG_IN);
  }
}
