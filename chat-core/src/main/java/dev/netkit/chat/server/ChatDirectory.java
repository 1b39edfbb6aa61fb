package dev.netkit.chat.server;

import dev.netkit.chat.ChannelDefinition;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's tables: users by client address and by nickname (case-sensitive, as the book),
 * channels by title (case-insensitive, as the book's {@code lc}) and in configuration order.
 * Used by the server's thread only.
 */
final class ChatDirectory {

  private final Map<InetSocketAddress, User> usersByAddress = new HashMap<>();
  private final Map<String, User> usersByNickname = new HashMap<>();
  private final Map<String, Channel> channelsByTitle = new HashMap<>();
  private final List<Channel> channels = new ArrayList<>();

  ChatDirectory(List<ChannelDefinition> definitions) {
    for (ChannelDefinition definition : definitions) {
      Channel channel = new Channel(definition);
      channels.add(channel);
      channelsByTitle.put(key(definition.title()), channel);
    }
  }

  private static String key(String title) {
    return title.toLowerCase(Locale.ROOT);
  }

  User userAt(InetSocketAddress address) {
    return usersByAddress.get(address);
  }

  User userNamed(String nickname) {
    return usersByNickname.get(nickname);
  }

  /** The channel with this title in any case, or null. */
  Channel channelTitled(String title) {
    return channelsByTitle.get(key(title));
  }

  List<Channel> channels() {
    return channels;
  }

  Collection<User> users() {
    return usersByAddress.values();
  }

  int userCount() {
    return usersByAddress.size();
  }

  void add(User user) {
    usersByAddress.put(user.address(), user);
    usersByNickname.put(user.nickname(), user);
  }

  void remove(User user) {
    usersByAddress.remove(user.address());
    usersByNickname.remove(user.nickname());
  }

  int channelsInUse() {
    int inUse = 0;
    for (Channel channel : channels) {
      inUse += channel.memberCount() > 0 ? 1 : 0;
    }
    return inUse;
  }
}
