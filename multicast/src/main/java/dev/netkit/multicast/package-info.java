/**
 * Multicast (chapter 21): a multicast socket API, the time-of-day beacon and the multicast
 * chat built on {@code dev.netkit.chat}.
 */
package dev.netkit.multicast;
