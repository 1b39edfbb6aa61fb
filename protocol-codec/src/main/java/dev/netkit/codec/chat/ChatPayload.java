package dev.netkit.codec.chat;

import dev.netkit.codec.MalformedFrameException;
import dev.netkit.codec.MalformedTextException;

/**
 * The typed payload of a chat frame: one record per {@link ChatEvent}. Each record formats to the
 * payload text of the book's programs and has a static {@code parse(String)} for it; fields are
 * separated by single spaces, word fields (nicknames, titles) have no spaces.
 *
 * <pre>
 *   byte[] datagram = codec.encode(new LoginRequest("bob"));      // 00 14 62 6f 62
 *   ChatFrame frame = codec.decode(received);
 *   if (ChatPayload.parse(frame) instanceof PublicMessage message) { … message.text() … }
 *   JoinAck ack = JoinAck.parseMulticast(frame.text());          // when the form is known
 * </pre>
 */
public sealed interface ChatPayload permits ErrorMessage, LoginRequest, LoginAck, Logoff,
    JoinRequest, JoinAck, PartRequest, PartAck, SendPublic, PublicMessage, SendPrivate,
    PrivateMessage, UserJoins, UserParts, ListChannels, ChannelItem, ListUsers, UserItem, StillHere,
    SetMcastPort {

  /**
   * Returns the event this payload belongs to.
   *
   * @return the event
   */
  ChatEvent event();

  /**
   * Formats the payload text.
   *
   * @return the text after the event code, as the book's programs write it
   */
  String format();

  /**
   * Makes the frame that carries this payload.
   *
   * @return the frame: {@link #event()}'s code and {@link #format()} as UTF-8
   */
  default ChatFrame toFrame() {
    return ChatFrame.of(event(), format());
  }

  /**
   * Parses a frame's payload; channel payloads in the {@link ChannelFormat#STANDARD} form.
   *
   * @param frame a decoded frame
   * @return the record for the frame's event
   * @throws UnknownChatEventException if the event code is not a {@link ChatEvent}
   * @throws MalformedTextException if the payload is not UTF-8
   * @throws MalformedFrameException if the payload does not fit the event's syntax
   */
  static ChatPayload parse(ChatFrame frame) {
    return parse(frame, ChannelFormat.STANDARD);
  }

  /**
   * Parses a frame's payload.
   *
   * @param frame a decoded frame
   * @param channelFormat the form of {@link JoinAck}, {@link PartAck} and {@link ChannelItem}
   * @return the record for the frame's event
   * @throws UnknownChatEventException if the event code is not a {@link ChatEvent}
   * @throws MalformedTextException if the payload is not UTF-8
   * @throws MalformedFrameException if the payload does not fit the event's syntax
   */
  static ChatPayload parse(ChatFrame frame, ChannelFormat channelFormat) {
    ChatEvent event = frame.event().orElseThrow(() -> new UnknownChatEventException(frame));
    return ChatPayloadParser.parse(event, frame.text(), channelFormat);
  }
}
