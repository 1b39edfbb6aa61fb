/**
 * {@code ./netkit tour}: runs one step per module of netkit, each showing the chapter of the book
 * it brings to the JVM with a few lines of real output, then prints a summary table. Steps run
 * the library classes in this JVM on loopback; steps that need separate hosts (broadcast,
 * multicast) run child JVMs inside throw-away network namespaces when the tour runs as root.
 * Nothing is ever sent off the machine.
 */
package dev.netkit.cli.tour;
