package dev.netkit.chat.server;

import dev.netkit.chat.ChannelDefinition;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's tables: users by client address and by nickname (case-sensitive, as the book),
 * channels by title (case-insensitive, as the book's {@code lc}) and in configuration order,
 * and how many users each IP address has (for the per-address limit). Used by the server's
 * thread only.
 */
final class ChatDirectory {

  private final Map<InetSocketAddress, UserState> usersByAddress = new HashMap<>();
  private final Map<String, UserState> usersByNickname = new HashMap<>();
  private final Map<InetAddress, Integer> usersPerHost = new HashMap<>();
  private final Map<String, ChannelState> channelsByTitle = new HashMap<>();
  private final List<ChannelState> channels = new ArrayList<>();

  ChatDirectory(List<ChannelDefinition> definitions) {
    for (ChannelDefinition definition : definitions) {
      ChannelState channel = new ChannelState(definition);
      channels.add(channel);
      channelsByTitle.put(key(definition.title()), channel);
    }
  }

  private static String key(String title) {
    return title.toLowerCase(Locale.ROOT);
  }

  UserState userAt(InetSocketAddress address) {
    return usersByAddress.get(address);
  }

  UserState userNamed(String nickname) {
    return usersByNickname.get(nickname);
  }

  /** The channel with this title in any case, or null. */
  ChannelState channelTitled(String title) {
    return channelsByTitle.get(key(title));
  }

  List<ChannelState> channels() {
    return channels;
  }

  Collection<UserState> users() {
    return usersByAddress.values();
  }

  int userCount() {
    return usersByAddress.size();
  }

  /** How many users are logged in from this IP address (any port). */
  int usersFrom(InetAddress host) {
    return usersPerHost.getOrDefault(host, 0);
  }

  void add(UserState user) {
    usersByAddress.put(user.address(), user);
    usersByNickname.put(user.nickname(), user);
    usersPerHost.merge(user.address().getAddress(), 1, Integer::sum);
  }

  void remove(UserState user) {
    if (usersByAddress.remove(user.address()) != null) {
      usersPerHost.computeIfPresent(user.address().getAddress(),
          (host, count) -> count > 1 ? count - 1 : null);
    }
    usersByNickname.remove(user.nickname());
  }

  int channelsInUse() {
    int inUse = 0;
    for (ChannelState channel : channels) {
      inUse += channel.memberCount() > 0 ? 1 : 0;
    }
    return inUse;
  }
}
