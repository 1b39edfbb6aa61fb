package dev.netkit.chat.server;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A logged-in user (the book's {@code ChatObjects::TimedUser}): nickname, client address, login
 * time, last time heard from, and channels — current first, i.e. most recently joined first.
 * The server's state of the user's session, changed by the server's thread only; a {@link FanOut}
 * sees it through its read-only {@link UserView}.
 */
final class UserState implements UserView {

  private final String nickname;
  private final InetSocketAddress address;
  private final long loginNanos;
  private final List<ChannelState> channels = new ArrayList<>();
  private long lastHeardNanos;

  UserState(String nickname, InetSocketAddress address, long nowNanos) {
    this.nickname = nickname;
    this.address = address;
    this.loginNanos = nowNanos;
    this.lastHeardNanos = nowNanos;
  }

  @Override
  public String nickname() {
    return nickname;
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  /** Records that a datagram came from the user: any datagram proves the client alive. */
  void heard(long nowNanos) {
    lastHeardNanos = nowNanos;
  }

  long silentNanos(long nowNanos) {
    return nowNanos - lastHeardNanos;
  }

  long secondsOnline(long nowNanos) {
    return Math.max(0, (nowNanos - loginNanos) / 1_000_000_000L);
  }

  /** The current channel, or null when the user is in none. */
  ChannelState current() {
    return channels.isEmpty() ? null : channels.get(0);
  }

  /** The channels, current first (a live view: copy before changing membership). */
  List<ChannelState> channels() {
    return channels;
  }

  int channelCount() {
    return channels.size();
  }

  boolean isIn(ChannelState channel) {
    return channels.contains(channel);
  }

  /** Puts a channel first, adding it if needed. */
  void makeCurrent(ChannelState channel) {
    channels.remove(channel);
    channels.add(0, channel);
  }

  void leave(ChannelState channel) {
    channels.remove(channel);
  }

  List<String> channelTitles() {
    List<String> titles = new ArrayList<>(channels.size());
    channels.forEach(channel -> titles.add(channel.title()));
    return titles;
  }

  @Override
  public String toString() {
    return nickname + "@" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
