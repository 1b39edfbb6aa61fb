package dev.netkit.codec.chat;

import java.util.function.BiFunction;

/**
 * The {@code channel user} payload shared by {@link UserJoins} and {@link UserParts}: one place
 * that checks, parses and formats it.
 */
final class ChannelUserPayload {

  private ChannelUserPayload() {
  }

  /**
   * Checks both parts.
   *
   * @throws IllegalArgumentException if a part is empty or has a space
   * @throws NullPointerException if a part is null
   */
  static void check(String channel, String user) {
    Fields.word(channel, "channel");
    Fields.word(user, "user");
  }

  /**
   * Parses {@code channel user} and makes the record.
   *
   * @throws dev.netkit.codec.MalformedFrameException unless the payload is two words
   */
  static <T extends ChatPayload> T parse(ChatEvent event, String payload,
      BiFunction<String, String, T> record) {
    PayloadReader reader = new PayloadReader(event, payload);
    String channel = reader.word("channel");
    return record.apply(channel, reader.lastWord("user"));
  }

  static String format(String channel, String user) {
    return channel + " " + user;
  }
}
