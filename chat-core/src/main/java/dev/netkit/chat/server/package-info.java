/**
 * The chat server: {@link dev.netkit.chat.server.ChatServer} configured by a
 * {@link dev.netkit.chat.server.ChatServerConfig}, with the channel fan-out as a strategy
 * ({@link dev.netkit.chat.server.FanOut}; {@link dev.netkit.chat.server.UnicastFanOut} here, a
 * multicast one in {@code dev.netkit.multicast}). Fan-out strategies see channels and users
 * through the read-only {@link dev.netkit.chat.server.ChannelView} and
 * {@link dev.netkit.chat.server.UserView} and send through an
 * {@link dev.netkit.chat.server.Outbox}.
 */
package dev.netkit.chat.server;
