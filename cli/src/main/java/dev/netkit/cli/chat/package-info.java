/**
 * The command-line programs of chapters 19-20 (chat over UDP, broadcasting): {@code chat-server},
 * {@code chat-client} and {@code broadcast-echo}, each a thin picocli wrapper around a class of
 * {@code dev.netkit.chat}.
 */
package dev.netkit.cli.chat;
