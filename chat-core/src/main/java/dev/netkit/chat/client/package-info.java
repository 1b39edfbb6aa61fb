/**
 * The chat client library: {@link dev.netkit.chat.client.ChatClient} (login with retries,
 * commands, keep-alive, LOGOFF on close), the typed {@link dev.netkit.chat.client.ChatListener}
 * of server events, and the book client's display lines
 * ({@link dev.netkit.chat.client.DisplayLines}, {@link dev.netkit.chat.client.ChatDisplay}).
 */
package dev.netkit.chat.client;
