package dev.netkit.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.codec.MalformedFrameException;
import dev.netkit.codec.MalformedTextException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatPayloadTest {

  /** Canonical payloads: parse gives the record, format gives the payload back. */
  static Stream<Arguments> canonical() {
    return Stream.of(
        Arguments.of(ChatEvent.ERROR, "no channel named Knitting",
            new ErrorMessage("no channel named Knitting")),
        Arguments.of(ChatEvent.ERROR, "", new ErrorMessage("")),
        Arguments.of(ChatEvent.LOGIN_REQ, "bob", new LoginRequest("bob")),
        Arguments.of(ChatEvent.LOGIN_ACK, "bob", new LoginAck("bob")),
        Arguments.of(ChatEvent.LOGOFF, "bob", new Logoff(Optional.of("bob"))),
        Arguments.of(ChatEvent.LOGOFF, "", Logoff.withoutNick()),
        Arguments.of(ChatEvent.JOIN_REQ, "Weather", new JoinRequest("Weather")),
        Arguments.of(ChatEvent.JOIN_ACK, "Weather 3 Rain, sun and wind",
            new JoinAck(ChannelInfo.of("Weather", 3, "Rain, sun and wind"))),
        Arguments.of(ChatEvent.PART_REQ, "Weather", PartRequest.of("Weather")),
        Arguments.of(ChatEvent.PART_REQ, "", PartRequest.currentChannel()),
        Arguments.of(ChatEvent.PART_ACK, "Pets 0 Cats and dogs",
            new PartAck(ChannelInfo.of("Pets", 0, "Cats and dogs"))),
        Arguments.of(ChatEvent.SEND_PUBLIC, "hello,  world ", new SendPublic("hello,  world ")),
        Arguments.of(ChatEvent.PUBLIC_MSG, "Weather alice it is raining",
            new PublicMessage("Weather", "alice", "it is raining")),
        Arguments.of(ChatEvent.SEND_PRIVATE, "bob are you there?",
            new SendPrivate("bob", "are you there?")),
        Arguments.of(ChatEvent.PRIVATE_MSG, "alice are you there?",
            new PrivateMessage("alice", "are you there?")),
        Arguments.of(ChatEvent.USER_JOINS, "Weather alice", new UserJoins("Weather", "alice")),
        Arguments.of(ChatEvent.USER_PARTS, "Weather alice", new UserParts("Weather", "alice")),
        Arguments.of(ChatEvent.LIST_CHANNELS, "", new ListChannels()),
        Arguments.of(ChatEvent.CHANNEL_ITEM, "Hobbies 12 Model trains, stamps",
            new ChannelItem(ChannelInfo.of("Hobbies", 12, "Model trains, stamps"))),
        Arguments.of(ChatEvent.LIST_USERS, "", new ListUsers()),
        Arguments.of(ChatEvent.USER_ITEM, "alice 125 Weather Pets",
            new UserItem("alice", 125, List.of("Weather", "Pets"))),
        Arguments.of(ChatEvent.USER_ITEM, "bob 3", new UserItem("bob", 3, List.of())),
        Arguments.of(ChatEvent.STILL_HERE, "", new StillHere()),
        Arguments.of(ChatEvent.SET_MCAST_PORT, "2028", new SetMcastPort(2028)));
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void parsesAndFormatsEveryEvent(ChatEvent event, String payload, ChatPayload expected) {
    ChatFrame frame = ChatFrame.of(event, payload);
    ChatPayload parsed = ChatPayload.parse(frame);
    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.event()).isEqualTo(event);
    assertThat(parsed.format()).isEqualTo(payload);
    assertThat(parsed.toFrame()).isEqualTo(frame);
  }

  @Test
  void everyEventHasARecord() {
    assertThat(canonical().map(arguments -> arguments.get()[0]).distinct())
        .containsExactlyInAnyOrder((Object[]) ChatEvent.values());
  }

  @Test
  void multicastFormCarriesTheGroup() {
    String payload = "Weather 3 225.1.0.2 Rain, sun and wind";
    ChannelInfo info = ChannelInfo.multicast("Weather", 3, "225.1.0.2", "Rain, sun and wind");
    assertThat(JoinAck.parseMulticast(payload)).isEqualTo(new JoinAck(info));
    assertThat(PartAck.parseMulticast(payload)).isEqualTo(new PartAck(info));
    assertThat(ChannelItem.parseMulticast(payload)).isEqualTo(new ChannelItem(info));
    assertThat(new JoinAck(info).format()).isEqualTo(payload);
    assertThat(info.channelFormat()).isEqualTo(ChannelFormat.MULTICAST);
    assertThat(ChatPayload.parse(ChatFrame.of(ChatEvent.CHANNEL_ITEM, payload),
        ChannelFormat.MULTICAST)).isEqualTo(new ChannelItem(info));
  }

  @Test
  void standardFormKeepsAnAddressLikeDescription() {
    ChannelInfo info = JoinAck.parse("Weather 3 225.1.0.2 Rain").channel();
    assertThat(info.group()).isEmpty();
    assertThat(info.description()).isEqualTo("225.1.0.2 Rain");
    assertThat(info.channelFormat()).isEqualTo(ChannelFormat.STANDARD);
  }

  @Test
  void missingDescriptionIsEmpty() {
    assertThat(ChannelItem.parse("Pets 2").channel()).isEqualTo(ChannelInfo.of("Pets", 2, ""));
    assertThat(ChannelItem.parseMulticast("Pets 2 225.1.0.5").channel())
        .isEqualTo(ChannelInfo.multicast("Pets", 2, "225.1.0.5", ""));
  }

  @Test
  void privateMessageWithoutRecipientIsDetectable() {
    assertThat(SendPrivate.parse(" hello")).isEqualTo(new SendPrivate("", "hello"));
    assertThat(SendPrivate.parse("")).isEqualTo(new SendPrivate("", ""));
    assertThat(SendPrivate.parse(" hello").hasRecipient()).isFalse();
    assertThat(SendPrivate.parse("bob").hasRecipient()).isTrue();
    assertThat(SendPrivate.parse("bob")).isEqualTo(new SendPrivate("bob", ""));
  }

  @Test
  void publicMessageWithoutTextHasEmptyText() {
    assertThat(PublicMessage.parse("Weather alice"))
        .isEqualTo(new PublicMessage("Weather", "alice", ""));
  }

  @Test
  void messageTextKeepsSpaces() {
    assertThat(PrivateMessage.parse("alice  two  spaces ").text()).isEqualTo(" two  spaces ");
  }

  @Test
  void emptyPayloadsIgnoreWhatIsSent() {
    assertThat(StillHere.parse("junk")).isEqualTo(new StillHere());
    assertThat(ListUsers.parse("junk")).isEqualTo(new ListUsers());
    assertThat(ListChannels.parse("junk")).isEqualTo(new ListChannels());
    assertThat(Logoff.parse("bob smith").nick()).contains("bob smith");
  }

  @Test
  void unknownEventIsATypedError() {
    ChatFrame frame = ChatFrame.of(999, new byte[] {'x'});
    assertThatThrownBy(() -> ChatPayload.parse(frame))
        .isInstanceOfSatisfying(UnknownChatEventException.class,
            e -> assertThat(e.code()).isEqualTo(999))
        .hasMessage("chat event code : 999 (expected: a known event code), input: 03 e7 78");
  }

  @Test
  void malformedUtf8IsATypedError() {
    ChatFrame frame = ChatFrame.of(ChatEvent.LOGIN_REQ.code(), new byte[] {'b', (byte) 0xff});
    assertThatThrownBy(() -> ChatPayload.parse(frame))
        .isInstanceOf(MalformedTextException.class)
        .hasMessage("LOGIN_REQ payload : malformed UTF-8 at byte 1 (expected: UTF-8),"
            + " input: 62 ff");
  }

  /**
   * Malformed payloads: the event, the payload and what the error says of the field; the
   * message then names the event first and ends with the payload in hex.
   */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(ChatEvent.LOGIN_REQ, "", "nick : (missing) (expected: one word)"),
        Arguments.of(ChatEvent.LOGIN_REQ, "bob smith", "nick : \"bob smith\" (expected: one word)"),
        Arguments.of(ChatEvent.JOIN_REQ, "", "title : (missing) (expected: one word)"),
        Arguments.of(ChatEvent.PART_REQ, "a b", "title : \"a b\" (expected: one word)"),
        Arguments.of(ChatEvent.JOIN_ACK, "Weather x1 Rain",
            "count : \"x1\" (expected: decimal 0-2147483647)"),
        Arguments.of(ChatEvent.JOIN_ACK, "Weather",
            "count : (missing) (expected: decimal 0-2147483647)"),
        Arguments.of(ChatEvent.PART_ACK, " 1 x", "title : \"\" (expected: a word)"),
        Arguments.of(ChatEvent.CHANNEL_ITEM, "Pets 2147483648 x",
            "count : \"2147483648\" (expected: decimal 0-2147483647)"),
        Arguments.of(ChatEvent.PUBLIC_MSG, "Weather", "user : (missing) (expected: a word)"),
        Arguments.of(ChatEvent.PRIVATE_MSG, "", "sender : (missing) (expected: a word)"),
        Arguments.of(ChatEvent.USER_JOINS, "Weather a b", "user : \"a b\" (expected: one word)"),
        Arguments.of(ChatEvent.USER_PARTS, "Weather", "user : (missing) (expected: one word)"),
        Arguments.of(ChatEvent.USER_ITEM, "bob -3",
            "seconds-online : \"-3\" (expected: decimal 0-9223372036854775807)"),
        Arguments.of(ChatEvent.USER_ITEM, "bob 3 Pets  Weather",
            "channel : \"\" (expected: a word)"),
        Arguments.of(ChatEvent.SET_MCAST_PORT, "65536",
            "port : \"65536\" (expected: decimal 0-65535)"),
        Arguments.of(ChatEvent.SET_MCAST_PORT, "2028 ", "port : \"2028 \" (expected: one word)"),
        Arguments.of(ChatEvent.SET_MCAST_PORT, "٢٠٢٨",
            "port : \"٢٠٢٨\" (expected: decimal 0-65535)"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedPayloadNamesEventFieldAndValue(ChatEvent event, String payload, String field) {
    ChatFrame frame = ChatFrame.of(event, payload);
    assertThatThrownBy(() -> ChatPayload.parse(frame))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage(event.name() + " " + field + ", input: " + hexOrEmpty(payload));
  }

  /** The payload's UTF-8 bytes as the errors show them: {@code 62 6f 62}, or {@code (empty)}. */
  private static String hexOrEmpty(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return bytes.length == 0 ? "(empty)" : HexFormat.ofDelimiter(" ").formatHex(bytes);
  }

  @Test
  void multicastGroupMustBeADottedQuad() {
    assertThatThrownBy(() -> JoinAck.parseMulticast("Weather 3 example.com Rain"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageStartingWith("JOIN_ACK group : \"example.com\" (expected: an IPv4 dotted quad)");
    for (String bad :
        List.of("1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.", "0001.2.3.4", "1.2.3.4x")) {
      assertThatThrownBy(() -> JoinAck.parseMulticast("W 3 " + bad + " x"))
          .as(bad).isInstanceOf(MalformedFrameException.class);
    }
    assertThat(JoinAck.parseMulticast("W 3 0.0.0.0 x").channel().group()).contains("0.0.0.0");
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        refused("LoginRequest", () -> new LoginRequest("bob smith"),
            "nick : \"bob smith\" (expected: a non-empty word without spaces)"),
        refused("SendPrivate", () -> new SendPrivate("a b", "x"),
            "recipient : \"a b\" (expected: a word without spaces)"),
        refused("ChannelInfo", () -> ChannelInfo.multicast("W", 1, "x", ""),
            "group : \"x\" (expected: an IPv4 dotted quad)"),
        refused("UserItem", () -> new UserItem("bob", -1, List.of()),
            "secondsOnline : -1 (expected: 0-9223372036854775807)"),
        refused("SetMcastPort", () -> new SetMcastPort(70000),
            "port : 70000 (expected: 0-65535)"),
        refused("SendPublic", () -> new SendPublic("a\uD800").toFrame(),
            "SEND_PUBLIC payload : unpaired surrogate at index 1 (expected: valid UTF-16)"));
  }

  private static Arguments refused(String record, ThrowingCallable create, String message) {
    return Arguments.of(Named.of(record, create), message);
  }

  @ParameterizedTest
  @MethodSource("refused")
  void recordsRefuseWhatWouldNotParseBack(ThrowingCallable create, String message) {
    assertThatThrownBy(create)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void logoffRefusesAnEmptyNick() {
    assertThatThrownBy(() -> new Logoff(Optional.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
