/**
 * The book's "wrap" service (chapter 22): {@link dev.netkit.unix.wrap.TextFiller} refills text as
 * Perl's {@code Text::Wrap::fill} does, streaming with bounded memory;
 * {@link dev.netkit.unix.wrap.WrapHandler} serves it on any stream connection;
 * {@link dev.netkit.unix.wrap.WrapServer} and {@link dev.netkit.unix.wrap.WrapClient} are the
 * UNIX-domain server and client.
 */
package dev.netkit.unix.wrap;
