#!/usr/bin/perl
# chat_server.pl [PORT] - the book's UDP chat server (chapter 19), the baseline of
# ChatFanOutBench.
#
# Written for netkit from the book's description of chat_server.pl and its ChatObjects modules
# (the book's listings are not reproduced): the same structure and the same work per event. The
# four modules are packages of this one file so that the benchmark runs it with a plain `perl`:
#   ChatObjects::ChatCodes  the event codes
#   ChatObjects::Comm       an IO::Socket UDP socket; recv_event() = recv + unpack("na*"),
#                           send_event() = pack("na*") + send to a packed address (Perl's
#                           built-in recv and send, the cheaper choice over IO::Socket's methods)
#   ChatObjects::User       users by nickname and by key(packed address); send() goes through
#                           the Comm object; join/part/send_public/send_private/list_*/logout
#   ChatObjects::Channel    channels by title; send_to_all() calls each member's send()
# and a main loop that dispatches every event code to a User method through %DISPATCH.
# Differences from the book, all outside the measured path: it binds 127.0.0.1 only (network
# safety), port 0 picks a free port, it prints "READY <port>" on stdout once bound, and an alarm
# ends it after 10 minutes at the latest. Titles match case-insensitively, as in netkit.
use strict;
use warnings;

package ChatObjects::ChatCodes;
use constant {
  ERROR => 10, LOGIN_REQ => 20, LOGIN_ACK => 30, LOGOFF => 40, JOIN_REQ => 50, JOIN_ACK => 60,
  PART_REQ => 70, PART_ACK => 80, SEND_PUBLIC => 90, PUBLIC_MSG => 100, SEND_PRIVATE => 120,
  PRIVATE_MSG => 130, USER_JOINS => 140, USER_PARTS => 150, LIST_CHANNELS => 160,
  CHANNEL_ITEM => 170, LIST_USERS => 180, USER_ITEM => 190,
};

package ChatObjects::Comm;
use IO::Socket::INET;

sub new {
  my ($class, %args) = @_;
  my $sock = IO::Socket::INET->new(Proto => 'udp', LocalAddr => '127.0.0.1', %args)
    or die "socket: $@";
  return bless { sock => $sock }, $class;
}

sub sock { $_[0]->{sock} }

sub recv_event {
  my $self = shift;
  my $addr = recv($self->{sock}, my $data, 1024, 0) or return;
  my ($code, $msg) = unpack('na*', $data);
  return ($code, $msg, $addr);
}

sub send_event {
  my ($self, $code, $msg, $addr) = @_;
  return send($self->{sock}, pack('na*', $code, $msg), 0, $addr);
}

package ChatObjects::Channel;
use overload '""' => sub { $_[0]->title }, fallback => 1;

my %CHANNELS;

sub new {
  my ($class, $title, $description) = @_;
  my $self = bless { title => $title, description => $description, users => {} }, $class;
  return $CHANNELS{lc $title} = $self;
}

sub lookup   { my ($class, $title) = @_; return $CHANNELS{lc $title} }
sub channels { return values %CHANNELS }
sub title       { $_[0]->{title} }
sub description { $_[0]->{description} }
sub users       { return values %{ $_[0]->{users} } }

sub info {
  my $self = shift;
  my $count = keys %{ $self->{users} };
  return "$self->{title} $count $self->{description}";
}

sub send_to_all {
  my ($self, $code, $data) = @_;
  $_->send($code, $data) foreach $self->users;
}

sub add {
  my ($self, $user) = @_;
  return if $self->{users}{ $user->nickname };
  $self->send_to_all(ChatObjects::ChatCodes::USER_JOINS, "$self $user");
  $self->{users}{ $user->nickname } = $user;
}

sub remove {
  my ($self, $user) = @_;
  return unless delete $self->{users}{ $user->nickname };
  $self->send_to_all(ChatObjects::ChatCodes::USER_PARTS, "$self $user");
}

sub message {
  my ($self, $user, $text) = @_;
  $self->send_to_all(ChatObjects::ChatCodes::PUBLIC_MSG, "$self $user $text");
}

package ChatObjects::User;
use Socket qw(sockaddr_in inet_ntoa);
use overload '""' => sub { $_[0]->nickname }, fallback => 1;

my (%NICKNAMES, %ADDRESSES);

sub new {
  my ($class, $address, $nickname, $server) = @_;
  my $self = bless { address => $address, nickname => $nickname, server => $server,
                     timeon => time(), channels => [] }, $class;
  $server->send_event(ChatObjects::ChatCodes::LOGIN_ACK, $nickname, $address);
  $NICKNAMES{$nickname} = $self;
  $ADDRESSES{ key($address) } = $self;
  return $self;
}

sub lookup_byname { my ($class, $nickname) = @_; return $NICKNAMES{$nickname} }
sub lookup_byaddr { my ($class, $address) = @_; return $ADDRESSES{ key($address) } }
sub users         { return values %NICKNAMES }

sub address         { $_[0]->{address} }
sub nickname        { $_[0]->{nickname} }
sub timeon          { $_[0]->{timeon} }
sub channels        { @{ $_[0]->{channels} } }
sub current_channel { $_[0]->{channels}[0] }

sub send {
  my ($self, $code, $data) = @_;
  return $self->{server}->send_event($code, $data, $self->{address});
}

sub logout {
  my $self = shift;
  $_->remove($self) foreach $self->channels;
  delete $NICKNAMES{ $self->nickname };
  delete $ADDRESSES{ key($self->address) };
}

sub join {
  my ($self, $title) = @_;
  my $channel = ChatObjects::Channel->lookup($title);
  return $self->send(ChatObjects::ChatCodes::ERROR, "no channel named $title") unless $channel;
  my @channels = $self->channels;
  if (grep { $_ == $channel } @channels) {
    @channels = grep { $_ != $channel } @channels;
  } else {
    $channel->add($self);
  }
  $self->{channels} = [ $channel, @channels ];
  $self->send(ChatObjects::ChatCodes::JOIN_ACK, $channel->info);
}

sub part {
  my ($self, $title) = @_;
  my $channel = $title ? ChatObjects::Channel->lookup($title) : $self->current_channel;
  return unless $channel && grep { $_ == $channel } $self->channels;
  my $was_current = $channel == $self->current_channel;
  $channel->remove($self);
  $self->{channels} = [ grep { $_ != $channel } $self->channels ];
  $self->send(ChatObjects::ChatCodes::PART_ACK, $channel->info);
  my $current = $self->current_channel;
  $self->send(ChatObjects::ChatCodes::JOIN_ACK, $current->info) if $was_current && $current;
}

sub send_public {
  my ($self, $text) = @_;
  my $channel = $self->current_channel;
  return $self->send(ChatObjects::ChatCodes::ERROR, 'no current channel') unless $channel;
  $channel->message($self, $text);
}

sub send_private {
  my ($self, $data) = @_;
  my ($nickname, $text) = $data =~ /^(\S+)\s*(.*)/s;
  return $self->send(ChatObjects::ChatCodes::ERROR,
                     'no nickname given for recipient of private message') unless $nickname;
  my $recipient = ChatObjects::User->lookup_byname($nickname);
  return $self->send(ChatObjects::ChatCodes::ERROR, "$nickname: not logged in")
    unless $recipient;
  $recipient->send(ChatObjects::ChatCodes::PRIVATE_MSG, "$self $text");
}

sub list_users {
  my $self = shift;
  my $channel = $self->current_channel;
  return $self->send(ChatObjects::ChatCodes::ERROR, 'no current channel') unless $channel;
  foreach my $user ($channel->users) {
    my $online = time() - $user->timeon;
    $self->send(ChatObjects::ChatCodes::USER_ITEM,
                CORE::join(' ', "$user", $online, map { "$_" } $user->channels));
  }
}

sub list_channels {
  my $self = shift;
  $self->send(ChatObjects::ChatCodes::CHANNEL_ITEM, $_->info) foreach ChatObjects::Channel->channels;
}

sub key {
  my ($port, $ip) = sockaddr_in(shift);
  return CORE::join(':', inet_ntoa($ip), $port);
}

package main;

alarm 600;
ChatObjects::Channel->new('CurrentEvents', 'Discussion of current events');
ChatObjects::Channel->new('Weather',       'Talk about the weather');
ChatObjects::Channel->new('Gardening',     'For those with the green thumb');
ChatObjects::Channel->new('Hobbies',       'For hobbyists of all types');
ChatObjects::Channel->new('Pets',          'For our furry and feathered friends');

my %DISPATCH = (
  ChatObjects::ChatCodes::LOGOFF,        'logout',
  ChatObjects::ChatCodes::JOIN_REQ,      'join',
  ChatObjects::ChatCodes::PART_REQ,      'part',
  ChatObjects::ChatCodes::SEND_PUBLIC,   'send_public',
  ChatObjects::ChatCodes::SEND_PRIVATE,  'send_private',
  ChatObjects::ChatCodes::LIST_USERS,    'list_users',
  ChatObjects::ChatCodes::LIST_CHANNELS, 'list_channels',
);

my $port = shift // 2027;
my $server = ChatObjects::Comm->new(LocalPort => $port);
$| = 1;
print 'READY ', $server->sock->sockport, "\n";

while (1) {
  my ($code, $msg, $addr) = $server->recv_event or next;
  if ($code == ChatObjects::ChatCodes::LOGIN_REQ) {
    do_login($addr, $msg, $server);
    next;
  }
  my $user = ChatObjects::User->lookup_byaddr($addr);
  unless ($user) {
    $server->send_event(ChatObjects::ChatCodes::ERROR, 'please log in', $addr);
    next;
  }
  my $method = $DISPATCH{$code};
  unless ($method) {
    $user->send(ChatObjects::ChatCodes::ERROR, 'unimplemented event code');
    next;
  }
  $user->$method($msg);
}

sub do_login {
  my ($addr, $nickname, $server) = @_;
  return $server->send_event(ChatObjects::ChatCodes::ERROR, 'nickname already in use', $addr)
    if ChatObjects::User->lookup_byname($nickname);
  return ChatObjects::User->new($addr, $nickname, $server);
}
