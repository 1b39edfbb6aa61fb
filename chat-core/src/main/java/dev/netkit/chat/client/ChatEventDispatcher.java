package dev.netkit.chat.client;

import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.chat.ChannelFormat;
import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SetMcastPort;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.util.Objects;

/**
 * Turns server frames into {@link ChatListener} calls: parses the payload (channel payloads in
 * the given {@link ChannelFormat}) and calls the method for its event. Frames that are not valid
 * server events go to {@link ChatListener#onUnexpected}. Stateless apart from its two settings;
 * callers serialize calls if the listener needs it.
 */
public final class ChatEventDispatcher {

  private final ChannelFormat channelFormat;
  private final ChatListener listener;

  /**
   * Creates a dispatcher.
   *
   * @param channelFormat how JOIN_ACK, PART_ACK and CHANNEL_ITEM are written by the server
   * @param listener who gets the events
   */
  public ChatEventDispatcher(ChannelFormat channelFormat, ChatListener listener) {
    this.channelFormat = Objects.requireNonNull(channelFormat, "channelFormat");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Parses a frame and calls the listener once.
   *
   * @param frame a frame received from the server (or a multicast group)
   * @return the parsed payload, or null if the frame was not a valid server event
   */
  public ChatPayload dispatch(ChatFrame frame) {
    ChatPayload payload;
    try {
      payload = ChatPayload.parse(frame, channelFormat);
    } catch (ProtocolException e) {
      listener.onUnexpected(e.getMessage());
      return null;
    }
    if (!deliver(payload)) {
      listener.onUnexpected(frame + ": not an event a server sends");
      return null;
    }
    return payload;
  }

  private boolean deliver(ChatPayload payload) {
    switch (payload.event()) {
      case ERROR -> listener.onError((ErrorMessage) payload);
      case LOGIN_ACK -> listener.onLoginAck((LoginAck) payload);
      case JOIN_ACK -> listener.onJoinAck((JoinAck) payload);
      case PART_ACK -> listener.onPartAck((PartAck) payload);
      case PUBLIC_MSG -> listener.onPublicMessage((PublicMessage) payload);
      case PRIVATE_MSG -> listener.onPrivateMessage((PrivateMessage) payload);
      case USER_JOINS -> listener.onUserJoins((UserJoins) payload);
      case USER_PARTS -> listener.onUserParts((UserParts) payload);
      case CHANNEL_ITEM -> listener.onChannelItem((ChannelItem) payload);
      case USER_ITEM -> listener.onUserItem((UserItem) payload);
      case SET_MCAST_PORT -> listener.onSetMcastPort((SetMcastPort) payload);
      default -> {
        return false;
      }
    }
    return true;
  }
}
