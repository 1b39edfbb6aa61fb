package dev.netkit.codec.chat;

/**
 * Which form the channel payloads ({@link JoinAck}, {@link PartAck}, {@link ChannelItem}) take.
 * The two cannot be told apart from the bytes (a description may start with something that looks
 * like an address), so the receiver says which server it talks to.
 */
public enum ChannelFormat {
  /** The chat server of chapter 19: {@code title count description}. */
  STANDARD,
  /** The multicast chat server of chapter 21: {@code title count group description}. */
  MULTICAST
}
