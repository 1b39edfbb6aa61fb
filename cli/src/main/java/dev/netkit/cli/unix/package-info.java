/**
 * The command-line programs of chapter 22 (UNIX-domain sockets): {@code wrap-server},
 * {@code wrap-client}, {@code localtime-server} and {@code localtime-client}, each a thin picocli
 * wrapper around a class of {@code dev.netkit.unix}.
 */
package dev.netkit.cli.unix;
