#!/usr/bin/perl
# travesty_baseline.pl --corpus FILE [--words N] [--seed S] [--layout book|arrays]
#
# The Perl baseline of benchmarks/travesty-bench.sh: the algorithm of the book's Text::Travesty
# (Network Programming with Perl, appendix A), written for this benchmark. It builds the model
# from FILE line by line through add(), like the book's analyze_file(), generates N words in
# chunks of 10,000 through generate() into a counter, and prints one line of key=value pairs
# with the same keys as `netkit travesty-bench` (MB = 10^6 bytes).
#
# Layouts of the successor table:
#   book    (default) as the book's module: every distinct word gets a number, packed into a
#           binary string; %lookup maps the packed context "$a$p" to the concatenation of the
#           packed successors (multiplicity kept), and generate() picks one with substr().
#   arrays  %lookup maps "w1 w2" to an array of successor words.
# Two fixes keep the model identical to netkit's: numbers are packed in 32 bits ('L', the book
# uses 16-bit 'S' and breaks past 65,536 words), and lines are split with split ' ' (the book's
# split /\s+/ yields an empty word for a line starting with white space).
use strict;
use warnings;
use Getopt::Long;
use Time::HiRes qw(time);

package TravestyBook;

sub new {
  return bless { words => [], lookup => {}, num => {}, a => '', p => '', n => '' }, shift;
}

sub add {
  my ($self, $string) = @_;
  my ($words, $lookup, $num, $a, $p, $n) = @{$self}{qw(words lookup num a p n)};
  for my $w (split ' ', $string) {
    ($a, $p) = ($p, $n);
    unless (defined($n = $num->{$w})) {
      push @$words, $w;
      $n = pack 'L', $#$words;
      $num->{$w} = $n;
    }
    $lookup->{"$a$p"} .= $n;
  }
  @{$self}{qw(a p n)} = ($a, $p, $n);
}

sub generate {
  my ($self, $count) = @_;
  my ($words, $lookup, $a, $p) = @{$self}{qw(words lookup a p)};
  my ($n, $key, $result) = ('', '', '');
  while ($count--) {
    $n = $lookup->{"$a$p"};
    ($key, $n) = each %$lookup while !defined $n || $n eq '';   # dead end: another context
    $n = substr($n, 4 * int(rand(length($n) / 4)), 4);
    ($a, $p) = ($p, $n);
    my $w = $words->[unpack 'L', $n];
    $result .= $w;
    $result .= $w =~ /\.$/ && rand() < .1 ? "\n\n" : ' ';
  }
  @{$self}{qw(a p)} = ($a, $p);
  return $result;
}

sub unique_words { scalar @{ $_[0]{words} } }
sub states { scalar keys %{ $_[0]{lookup} } }

package TravestyArrays;

sub new {
  return bless { lookup => {}, seen => {}, a => '', p => '' }, shift;
}

sub add {
  my ($self, $string) = @_;
  my ($lookup, $seen, $a, $p) = @{$self}{qw(lookup seen a p)};
  for my $w (split ' ', $string) {
    $seen->{$w} = 1;
    push @{ $lookup->{"$a $p"} }, $w;
    ($a, $p) = ($p, $w);
  }
  @{$self}{qw(a p)} = ($a, $p);
}

sub generate {
  my ($self, $count) = @_;
  my ($lookup, $a, $p) = @{$self}{qw(lookup a p)};
  my ($list, $key, $result) = (undef, '', '');
  while ($count--) {
    $list = $lookup->{"$a $p"};
    ($key, $list) = each %$lookup while !defined $list;   # dead end: another context
    my $w = $list->[rand @$list];
    ($a, $p) = ($p, $w);
    $result .= $w;
    $result .= $w =~ /\.$/ && rand() < .1 ? "\n\n" : ' ';
  }
  @{$self}{qw(a p)} = ($a, $p);
  return $result;
}

sub unique_words { scalar keys %{ $_[0]{seen} } }
sub states { scalar keys %{ $_[0]{lookup} } }

package main;

my ($corpus, $words, $seed, $layout) = (undef, 1_000_000, 1, 'book');
GetOptions('corpus=s' => \$corpus, 'words=i' => \$words, 'seed=i' => \$seed,
           'layout=s' => \$layout)
  && defined $corpus && $layout =~ /^(book|arrays)$/
  or die "usage: $0 --corpus FILE [--words N] [--seed S] [--layout book|arrays]\n";
srand($seed);

my $travesty = $layout eq 'book' ? TravestyBook->new : TravestyArrays->new;
my $bytes = -s $corpus;
my $words_in = 0;

my $start = time;
open my $fh, '<', $corpus or die "$corpus: $!\n";
while (defined(my $line = <$fh>)) {
  $travesty->add($line);
}
close $fh;
my $build = time - $start;

$start = time;
my ($left, $chars) = ($words, 0);
while ($left > 0) {
  my $chunk = $left < 10_000 ? $left : 10_000;
  $chars += length $travesty->generate($chunk);
  $left -= $chunk;
}
my $gen = time - $start;

# Counted after the timings so that counting costs nothing measured.
open $fh, '<', $corpus or die "$corpus: $!\n";
while (defined(my $line = <$fh>)) {
  my @w = split ' ', $line;
  $words_in += @w;
}
close $fh;

printf "corpus=%s bytes=%d words_in=%d unique_words=%d states=%d order=2 layout=%s"
  . " build_ms=%.1f build_MBps=%.2f words_out=%d chars_out=%d gen_ms=%.1f"
  . " gen_words_per_s=%.0f\n",
  $corpus, $bytes, $words_in, $travesty->unique_words, $travesty->states, $layout,
  $build * 1000, $bytes / 1e6 / $build, $words, $chars, $gen * 1000, $words / $gen;
