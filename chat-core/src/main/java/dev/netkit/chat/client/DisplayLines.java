package dev.netkit.chat.client;

import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.util.Locale;

/**
 * The lines the book's chat client prints for each server event, tab-indented:
 *
 * <pre>
 *   	Log in successful.  Welcome lincoln.
 *   	Welcome to the Weather Channel (3 users)
 *   	You have left the Weather Channel
 *   	&lt;jim has entered Weather&gt;
 *   	&lt;jim has left Weather&gt;
 *   	jim [Weather]: rain again
 *   	jim [**private**]: hi
 *   	jim             (on 00:12:05) Channels: Weather Pets
 *   	[Weather]            Talk about the weather                     3 users
 *   	** ERROR: no channel named Knitting **
 * </pre>
 *
 * <p>The two listing lines use the book's printf formats: {@code "%-15s (on %02d:%02d:%02d)
 * Channels: %s"} for a user (nickname padded to 15, time online as hours:minutes:seconds,
 * channels current first) and {@code "%-20s %-40s %3d users"} for a channel (bracketed title
 * padded to 20, description padded to 40, count right-aligned in 3). Longer values push the
 * columns right, as printf does. Every method returns the line without a line terminator.
 *
 * <p>Everything that came from the network (nicknames, titles, descriptions, messages, error
 * texts) is shown through {@link TerminalText#escape(String)}: a peer's control characters are
 * made visible, so a line cannot clear the screen, retitle the terminal, or carry a second line
 * that looks as if another user said it.
 */
public final class DisplayLines {

  private static final String INDENT = "\t";

  private DisplayLines() {
  }

  private static String shown(String fromPeer) {
    return TerminalText.escape(fromPeer);
  }

  /**
   * ERROR.
   *
   * @param error the error
   * @return {@code \t** ERROR: text **}
   */
  public static String error(ErrorMessage error) {
    return INDENT + "** ERROR: " + shown(error.message()) + " **";
  }

  /**
   * LOGIN_ACK.
   *
   * @param ack the ack
   * @return {@code \tLog in successful.  Welcome NICK.}
   */
  public static String loginAck(LoginAck ack) {
    return INDENT + "Log in successful.  Welcome " + shown(ack.nick()) + ".";
  }

  /**
   * JOIN_ACK.
   *
   * @param ack the ack
   * @return {@code \tWelcome to the T Channel (N users)}
   */
  public static String joinAck(JoinAck ack) {
    ChannelInfo channel = ack.channel();
    return INDENT + "Welcome to the " + shown(channel.title()) + " Channel (" + channel.count()
        + " users)";
  }

  /**
   * PART_ACK.
   *
   * @param ack the ack
   * @return {@code \tYou have left the T Channel}
   */
  public static String partAck(PartAck ack) {
    return INDENT + "You have left the " + shown(ack.channel().title()) + " Channel";
  }

  /**
   * USER_JOINS.
   *
   * @param notice the notice
   * @return {@code \t<U has entered T>}
   */
  public static String userJoins(UserJoins notice) {
    return INDENT + "<" + shown(notice.user()) + " has entered " + shown(notice.channel()) + ">";
  }

  /**
   * USER_PARTS.
   *
   * @param notice the notice
   * @return {@code \t<U has left T>}
   */
  public static String userParts(UserParts notice) {
    return INDENT + "<" + shown(notice.user()) + " has left " + shown(notice.channel()) + ">";
  }

  /**
   * PUBLIC_MSG.
   *
   * @param message the message
   * @return {@code \tU [T]: text}
   */
  public static String publicMessage(PublicMessage message) {
    return INDENT + shown(message.user()) + " [" + shown(message.channel()) + "]: "
        + shown(message.text());
  }

  /**
   * PRIVATE_MSG.
   *
   * @param message the message
   * @return {@code \tU [**private**]: text}
   */
  public static String privateMessage(PrivateMessage message) {
    return INDENT + shown(message.sender()) + " [**private**]: " + shown(message.text());
  }

  /**
   * USER_ITEM.
   *
   * @param item the item
   * @return {@code \tU (on HH:MM:SS) Channels: T1 T2}, nickname padded to 15 characters
   */
  public static String userItem(UserItem item) {
    long seconds = item.secondsOnline();
    return String.format(Locale.ROOT, INDENT + "%-15s (on %02d:%02d:%02d) Channels: %s",
        shown(item.user()), seconds / 3600, seconds / 60 % 60, seconds % 60,
        shown(String.join(" ", item.channels())));
  }

  /**
   * CHANNEL_ITEM.
   *
   * @param item the item
   * @return {@code \t[T] description N users} in columns of 20, 40 and 3 characters
   */
  public static String channelItem(ChannelItem item) {
    ChannelInfo channel = item.channel();
    return String.format(Locale.ROOT, INDENT + "%-20s %-40s %3d users",
        "[" + shown(channel.title()) + "]", shown(channel.description()), channel.count());
  }
}
