package dev.netkit.chat.server;

import dev.netkit.chat.ChannelDefinition;
import java.util.Collection;

/**
 * A channel as a {@link FanOut} sees it: its definition and its current members. Read-only and
 * valid only on the server's thread during the call that handed it out.
 */
public interface ChannelView {

  /**
   * Returns the channel's title, description and multicast group.
   *
   * @return the definition from the server's configuration
   */
  ChannelDefinition definition();

  /**
   * Returns the channel's title.
   *
   * @return the title as configured (clients may write it in any case)
   */
  default String title() {
    return definition().title();
  }

  /**
   * Returns the members, in the order they joined.
   *
   * @return an unmodifiable live view
   */
  Collection<? extends UserView> members();

  /**
   * Returns how many users are in the channel.
   *
   * @return the member count
   */
  default int memberCount() {
    return members().size();
  }
}
