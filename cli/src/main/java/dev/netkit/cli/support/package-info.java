/**
 * Pieces every program of the launcher shares: running a server until Ctrl-C or SIGTERM
 * ({@link dev.netkit.cli.support.UntilStopped}) and picocli converters for durations and
 * {@code HOST:PORT} arguments.
 */
package dev.netkit.cli.support;
