/**
 * Benchmarks of netkit, each against a baseline measured in the same run (Netty's decoders, small
 * C programs, the unicast server). Run on demand; see README.md for the commands.
 */
package dev.netkit.bench;
