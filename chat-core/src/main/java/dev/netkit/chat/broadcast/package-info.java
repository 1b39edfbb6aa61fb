/**
 * Broadcasting (chapter 20): the broadcast addresses of this host's interfaces
 * ({@link dev.netkit.chat.broadcast.BroadcastAddresses}), finding a chat server by broadcast
 * ({@link dev.netkit.chat.broadcast.ServerDiscovery}) and the broadcast echo client
 * ({@link dev.netkit.chat.broadcast.BroadcastEcho}). Broadcasts reach every host of a subnet:
 * tests run these only inside network namespaces.
 */
package dev.netkit.chat.broadcast;
