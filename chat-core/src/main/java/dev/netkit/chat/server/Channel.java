package dev.netkit.chat.server;

import dev.netkit.chat.ChannelDefinition;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A channel (the book's {@code ChatObjects::Channel}): its definition and members, in join order.
 */
final class Channel implements ChatChannel {

  private final ChannelDefinition definition;
  private final Set<User> members = new LinkedHashSet<>();
  private final Collection<User> view = Collections.unmodifiableSet(members);

  Channel(ChannelDefinition definition) {
    this.definition = definition;
  }

  @Override
  public ChannelDefinition definition() {
    return definition;
  }

  @Override
  public Collection<User> members() {
    return view;
  }

  @Override
  public int memberCount() {
    return members.size();
  }

  void add(User user) {
    members.add(user);
  }

  void remove(User user) {
    members.remove(user);
  }

  @Override
  public String toString() {
    return definition.title();
  }
}
