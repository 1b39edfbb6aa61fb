/**
 * The UDP chat of chapters 19-20: server (users, channels, keep-alive, auto-logout), client
 * API and broadcast discovery. Frames come from {@code dev.netkit.codec}.
 */
package dev.netkit.chat;
