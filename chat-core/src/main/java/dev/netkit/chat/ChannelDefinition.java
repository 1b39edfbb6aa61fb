package dev.netkit.chat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel a chat server offers: its title, its description and, for the multicast chat of
 * chapter 21, the IPv4 multicast group its messages go to. The unicast server ignores the group;
 * a {@link dev.netkit.chat.server.FanOut} decides whether clients see it.
 *
 * @param title the title: 1-{@value #MAX_TITLE_LENGTH} printable non-blank characters (servers
 *     match it case-insensitively)
 * @param description what the channel is about: any text on one line (may be empty)
 * @param group the channel's IPv4 multicast group, or empty
 */
public record ChannelDefinition(String title, String description, Optional<InetAddress> group) {

  /** The longest channel title, in characters (code points). */
  public static final int MAX_TITLE_LENGTH = 32;

  /** The longest description, in characters, so that a channel's payloads fit a datagram. */
  public static final int MAX_DESCRIPTION_LENGTH = 200;

  private static final List<ChannelDefinition> DEFAULTS = List.of(
      multicast("CurrentEvents", "Discussion of current events", "225.1.0.1"),
      multicast("Weather", "Talk about the weather", "225.1.0.2"),
      multicast("Gardening", "For those with the green thumb", "225.1.0.3"),
      multicast("Hobbies", "For hobbyists of all types", "225.1.0.4"),
      multicast("Pets", "For our furry and feathered friends", "225.1.0.5"));

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the title breaks the rule of {@link Nicknames} or is
   *     longer than {@value #MAX_TITLE_LENGTH}, the description is longer than
   *     {@value #MAX_DESCRIPTION_LENGTH} characters or has a line break or other control
   *     character, or the group is not an IPv4 multicast address
   * @throws NullPointerException if a part is null
   */
  public ChannelDefinition {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(group, "group");
    if (!Nicknames.isValid(title, MAX_TITLE_LENGTH)) {
      throw new IllegalArgumentException("title : \"" + title + "\" (expected: 1-"
          + MAX_TITLE_LENGTH + " printable non-blank characters)");
    }
    if (description.length() > MAX_DESCRIPTION_LENGTH
        || description.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("description of " + title + " (expected: at most "
          + MAX_DESCRIPTION_LENGTH + " characters on one line)");
    }
    group.filter(g -> !(g instanceof Inet4Address) || !g.isMulticastAddress()).ifPresent(g -> {
      throw new IllegalArgumentException("group : " + g.getHostAddress()
          + " (expected: an IPv4 multicast address, 224.0.0.0/4)");
    });
  }

  /**
   * Creates a channel without a multicast group.
   *
   * @param title the title
   * @param description the description
   * @return the definition
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static ChannelDefinition of(String title, String description) {
    return new ChannelDefinition(title, description, Optional.empty());
  }

  /**
   * Creates a channel with a multicast group.
   *
   * @param title the title
   * @param description the description
   * @param group an IPv4 multicast address as a dotted quad, e.g. {@code 225.1.0.2}
   * @return the definition
   * @throws IllegalArgumentException as the canonical constructor, or if {@code group} is not a
   *     dotted quad
   */
  public static ChannelDefinition multicast(String title, String description, String group) {
    return new ChannelDefinition(title, description, Optional.of(ipv4Literal(group)));
  }

  /**
   * Returns the book's five channels (chapter 19), with the multicast groups of chapter 21:
   * CurrentEvents, Weather, Gardening, Hobbies and Pets on 225.1.0.1 to 225.1.0.5.
   *
   * @return the default channels, in listing order (immutable)
   */
  public static List<ChannelDefinition> defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the group as the multicast payloads write it.
   *
   * @return the dotted quad, or empty
   */
  public Optional<String> groupLiteral() {
    return group.map(InetAddress::getHostAddress);
  }

  /** Parses a dotted quad without ever starting a name lookup. */
  static InetAddress ipv4Literal(String text) {
    if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("group : \"" + text
          + "\" (expected: an IPv4 dotted quad)");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("group : \"" + text + "\" (expected: 0-255 parts)", e);
    }
  }
}
