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
import java.util.List;
import java.util.Objects;

/**
 * Turns server frames into {@link ChatListener} calls: parses the payload (channel payloads in
 * the given {@link ChannelFormat}) and calls the method for its event on every listener, in the
 * order given. Frames that are not valid server events go to {@link ChatListener#onUnexpected}.
 * Stateless apart from its settings; callers serialize calls if the listeners need it.
 */
public final class ChatEventDispatcher {

  private static final ChatListener IGNORING = new ChatListener() { };

  private final ChannelFormat channelFormat;
  private final List<ChatListener> listeners;

  /**
   * Creates a dispatcher.
   *
   * @param channelFormat how JOIN_ACK, PART_ACK and CHANNEL_ITEM are written by the server
   * @param listeners who get the events, each in turn (a multicast client's group tracking
   *     first, then the display, say)
   * @throws NullPointerException if an argument or a listener is null
   */
  public ChatEventDispatcher(ChannelFormat channelFormat, ChatListener... listeners) {
    this.channelFormat = Objects.requireNonNull(channelFormat, "channelFormat");
    this.listeners = List.of(listeners);
  }

  /**
   * Parses a frame and calls each listener once.
   *
   * @param frame a frame received from the server (or a multicast group)
   * @return the parsed payload, or null if the frame was not a valid server event
   */
  public ChatPayload dispatch(ChatFrame frame) {
    ChatPayload payload;
    try {
      payload = ChatPayload.parse(frame, channelFormat);
    } catch (ProtocolException e) {
      unexpected(e.getMessage());
      return null;
    }
    // The switch in deliver is the one list of server events: try it on a listener that ignores
    // everything first.
    if (!deliver(payload, IGNORING)) {
      unexpected(frame + ": not an event a server sends");
      return null;
    }
    listeners.forEach(listener -> deliver(payload, listener));
    return payload;
  }

  /**
   * Tells each listener about something that is not a valid server event.
   *
   * @param problem what was wrong, e.g. a decoding error's message
   */
  public void unexpected(String problem) {
    listeners.forEach(listener -> listener.onUnexpected(problem));
  }

  private static boolean deliver(ChatPayload payload, ChatListener listener) {
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
