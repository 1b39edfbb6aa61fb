#!/usr/bin/perl -w
# urg_send.pl: the urgent-data sender of "Network Programming with Perl", figure 17.2
# (reconstructed from the chapter's description; used by netkit's interoperability tests).
# Sends "aa", "ab", ... once a second; ^C (SIGINT) sends one byte of urgent data, ^\ quits.
use strict;
use IO::Socket;

my $HOST = shift || 'localhost';
my $PORT = shift || 2007;
my $socket = IO::Socket::INET->new(PeerAddr => $HOST, PeerPort => $PORT, Proto => 'tcp')
  or die "Can't connect: $@";
$| = 1;

$SIG{INT} = sub {
  print "sending 1 byte of OOB data!\n";
  send($socket, "!", MSG_OOB);
};
$SIG{QUIT} = sub { exit 0 };

for my $data ('aa' .. 'bd') {
  print "sending ", length($data), " bytes of normal data: $data\n";
  syswrite($socket, $data);
  1 until sleep 1;
}
