#!/usr/bin/perl -w
# urg_recv3.pl: the select() receiver of "Network Programming with Perl", figure 17.4
# (reconstructed from the chapter's description; used by netkit's interoperability tests).
# Takes the port as its argument (0: any free port) and listens on loopback only.
use strict;
use IO::Socket;
use IO::Select;

my $PORT = shift;
$PORT = 2007 unless defined $PORT;
my $listen = IO::Socket::INET->new(Listen => 15, LocalAddr => '127.0.0.1',
                                   LocalPort => $PORT, Reuse => 1)
  or die "Can't listen: $@";
$| = 1;
print "Listening on port ", $listen->sockport, "...\n";
my $sock = $listen->accept or die "Can't accept: $!";

my $normal = IO::Select->new($sock);
my $urgent = IO::Select->new;
my $ok_to_read_oob = 1;
my $data;
while (1) {
  $urgent->add($sock) if $ok_to_read_oob;
  my ($can_read, undef, $has_urgent) = IO::Select->select($normal, undef, $urgent);
  if ($has_urgent && @$has_urgent) {
    if (defined recv($sock, $data, 100, MSG_OOB)) {
      print "got ", length($data), " bytes of urgent data: $data\n";
    } else {
      print "recv() error: $!\n";
    }
    $urgent->remove($sock);
    $ok_to_read_oob = 0;
  }
  if ($can_read && @$can_read) {
    my $bytes = sysread($sock, $data, 1024);
    last unless $bytes;
    print "got $bytes bytes of normal data: $data\n";
    $ok_to_read_oob = 1;
  }
}
