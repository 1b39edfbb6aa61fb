/**
 * The command-line programs of chapter 18 (UDP): {@code echo-server}, {@code echo-client},
 * {@code daytime-server}, {@code daytime-client} and {@code udp-proxy}, each a thin picocli
 * wrapper around a class of {@code dev.netkit.udp}.
 */
package dev.netkit.cli.udp;
