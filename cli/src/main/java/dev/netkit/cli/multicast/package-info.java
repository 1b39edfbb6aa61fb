/**
 * The multicast programs of chapter 21: the time-of-day beacon ({@code mcast-time-server},
 * {@code mcast-time-client}) and the multicast chat ({@code mchat-server}, {@code mchat-client}),
 * thin command lines around {@code dev.netkit.multicast}.
 */
package dev.netkit.cli.multicast;
