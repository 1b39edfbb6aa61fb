package dev.netkit.codec.chat;

/** Picks the record parser for an event. */
final class ChatPayloadParser {

  private ChatPayloadParser() {
  }

  static ChatPayload parse(ChatEvent event, String text, ChannelFormat channelFormat) {
    boolean multicast = channelFormat == ChannelFormat.MULTICAST;
    return switch (event) {
      case ERROR -> ErrorMessage.parse(text);
      case LOGIN_REQ -> LoginRequest.parse(text);
      case LOGIN_ACK -> LoginAck.parse(text);
      case LOGOFF -> Logoff.parse(text);
      case JOIN_REQ -> JoinRequest.parse(text);
      case JOIN_ACK -> multicast ? JoinAck.parseMulticast(text) : JoinAck.parse(text);
      case PART_REQ -> PartRequest.parse(text);
      case PART_ACK -> multicast ? PartAck.parseMulticast(text) : PartAck.parse(text);
      case SEND_PUBLIC -> SendPublic.parse(text);
      case PUBLIC_MSG -> PublicMessage.parse(text);
      case SEND_PRIVATE -> SendPrivate.parse(text);
      case PRIVATE_MSG -> PrivateMessage.parse(text);
      case USER_JOINS -> UserJoins.parse(text);
      case USER_PARTS -> UserParts.parse(text);
      case LIST_CHANNELS -> ListChannels.parse(text);
      case CHANNEL_ITEM -> multicast ? ChannelItem.parseMulticast(text) : ChannelItem.parse(text);
      case LIST_USERS -> ListUsers.parse(text);
      case USER_ITEM -> UserItem.parse(text);
      case STILL_HERE -> StillHere.parse(text);
      case SET_MCAST_PORT -> SetMcastPort.parse(text);
    };
  }
}
