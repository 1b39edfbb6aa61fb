package dev.netkit.chat.server;

import dev.netkit.chat.ChannelDefinition;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The server's state of a channel (the book's {@code ChatObjects::Channel}): its definition and
 * members, in join order. Changed by the server's thread only; a {@link FanOut} sees it through
 * its read-only {@link ChannelView}.
 */
final class ChannelState implements ChannelView {

  private final ChannelDefinition definition;
  private final Set<UserState> members = new LinkedHashSet<>();
  private final Collection<UserState> view = Collections.unmodifiableSet(members);

  ChannelState(ChannelDefinition definition) {
    this.definition = definition;
  }

  @Override
  public ChannelDefinition definition() {
    return definition;
  }

  @Override
  public Collection<UserState> members() {
    return view;
  }

  @Override
  public int memberCount() {
    return members.size();
  }

  void add(UserState user) {
    members.add(user);
  }

  void remove(UserState user) {
    members.remove(user);
  }

  @Override
  public String toString() {
    return definition.title();
  }
}
