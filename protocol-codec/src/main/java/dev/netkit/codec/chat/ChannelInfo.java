package dev.netkit.codec.chat;

import dev.netkit.codec.ProtocolException;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link JoinAck}, {@link PartAck} and {@link ChannelItem} say about a channel.
 *
 * <pre>
 *   STANDARD:  "Weather 3 Rain, sun and wind"            title count description
 *   MULTICAST: "Weather 3 225.1.0.2 Rain, sun and wind"  title count group description
 * </pre>
 *
 * <p>Which form a payload has is not visible in its bytes, so parsing takes a
 * {@link ChannelFormat}; formatting writes the group exactly when there is one. A missing
 * description (payload {@code "Weather 3"}) parses as an empty one.
 *
 * @param title the channel title, one word
 * @param count how many users the channel has
 * @param group the multicast group (IPv4 dotted quad) in the multicast form, else empty
 * @param description the human-readable description, any text
 */
public record ChannelInfo(String title, int count, Optional<String> group, String description) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code title} is empty or has a space, {@code count} is
   *     negative, or {@code group} is not an IPv4 dotted quad
   * @throws NullPointerException if a part is null
   */
  public ChannelInfo {
    Fields.word(title, "title");
    Fields.number(count, Integer.MAX_VALUE, "count");
    Objects.requireNonNull(group, "group");
    group.filter(g -> !IpLiteral.isIpv4(g)).ifPresent(g -> {
      throw new IllegalArgumentException("group : " + ProtocolException.quote(g)
          + " (expected: an IPv4 dotted quad)");
    });
    Objects.requireNonNull(description, "description");
  }

  /**
   * Creates the standard form.
   *
   * @param title the channel title, one word
   * @param count how many users the channel has
   * @param description the description
   * @return the info without a group
   */
  public static ChannelInfo of(String title, int count, String description) {
    return new ChannelInfo(title, count, Optional.empty(), description);
  }

  /**
   * Creates the multicast form.
   *
   * @param title the channel title, one word
   * @param count how many users the channel has
   * @param group the multicast group, an IPv4 dotted quad such as {@code 225.1.0.2}
   * @param description the description
   * @return the info with a group
   */
  public static ChannelInfo multicast(String title, int count, String group, String description) {
    return new ChannelInfo(title, count, Optional.of(group), description);
  }

  static ChannelInfo parse(ChatEvent event, String payload, ChannelFormat format) {
    PayloadReader reader = new PayloadReader(event, payload);
    String title = reader.word("title");
    int count = (int) reader.number("count", Integer.MAX_VALUE);
    Optional<String> group = format == ChannelFormat.MULTICAST
        ? Optional.of(reader.ipv4("group")) : Optional.empty();
    return new ChannelInfo(title, count, group, reader.rest());
  }

  /**
   * Formats the payload.
   *
   * @return {@code title count description} or {@code title count group description}
   */
  public String format() {
    return title + " " + count + group.map(g -> " " + g).orElse("") + " " + description;
  }

  /**
   * Tells which form this is.
   *
   * @return {@link ChannelFormat#MULTICAST} when there is a group
   */
  public ChannelFormat channelFormat() {
    return group.isPresent() ? ChannelFormat.MULTICAST : ChannelFormat.STANDARD;
  }
}
