#!/usr/bin/perl
# Minimal Perl fan-out relay, the reference for ChatFanOutBench: every datagram received is sent
# to each member in turn with send(), as the book's ChatObjects::Channel->send_to_all does, but
# with none of the chat server's work around it (no unpack, no lookups, no method calls).
# Usage: fanout-relay.pl MEMBER_PORT... ; prints "READY <port>" on stdout, then relays until
# killed (an alarm ends it after 10 minutes at the latest).
use strict;
use warnings;
use Socket;

alarm 600;
socket(my $sock, PF_INET, SOCK_DGRAM, getprotobyname('udp')) or die "socket: $!";
bind($sock, sockaddr_in(0, inet_aton('127.0.0.1'))) or die "bind: $!";
my $loopback = inet_aton('127.0.0.1');
my @members = map { pack_sockaddr_in($_, $loopback) } @ARGV;
my ($port) = unpack_sockaddr_in(getsockname($sock));
$| = 1;
print "READY $port\n";
while (1) {
  my $data;
  defined(recv($sock, $data, 1024, 0)) or die "recv: $!";
  send($sock, $data, 0, $_) for @members;
}
