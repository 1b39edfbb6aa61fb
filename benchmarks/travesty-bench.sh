#!/usr/bin/env bash
# benchmarks/travesty-bench.sh [--words N] [--seed S] [--rounds R] [--corpus FILE]
#                              [--perl-layout book|arrays]
#
# The travesty engine against a Perl baseline of the book's Text::Travesty, in one run:
#   1. makes a ~10 MiB English corpus from Debian's perl-doc (pod2text of its .pod files, then of
#      other installed .pod/.pm files if needed) under benchmarks/target/ (never committed);
#      installs perl-doc with apt-get when it is missing (needs root);
#   2. runs `./netkit travesty-bench` (R rounds in one JVM: cold_* = the first, the rest = the
#      median of the others) and benchmarks/src/main/perl/travesty_baseline.pl on it, each under
#      /usr/bin/time -v;
#   3. prints both result lines with their peak RSS, and the ratios.
# The Perl layout "book" (default) is the book's packed-id strings; "arrays" keeps successor
# words in Perl arrays (slower and larger; see the baseline's header).
# JVM flags (override with NETKIT_JAVA_OPTS): the serial collector and an 80 MiB heap cap keep
# the JVM's footprint near the model's size (about 36 MiB live, 50 MiB while indexing).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/benchmarks/target/travesty-bench"
corpus="$work/perl-doc-10MiB.txt"
words=1000000
seed=1
rounds=7
layout=book
target_bytes=$((10 * 1024 * 1024))

while [ $# -gt 0 ]; do
  case "$1" in
    --words) words="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --perl-layout) layout="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "travesty-bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

pod_sources() {
  dpkg -L perl-doc 2>/dev/null | grep '\.pod$' | sort
  find -L /usr/share/perl /usr/share/perl5 -name '*.pod' -not -path '*/pod/perl*' 2>/dev/null \
    | sort
  find -L /usr/share/perl /usr/share/perl5 -name '*.pm' 2>/dev/null | sort
}

make_corpus() {
  [ -s "$corpus" ] && return 0
  if ! dpkg -s perl-doc >/dev/null 2>&1; then
    echo "travesty-bench.sh: installing perl-doc" >&2
    apt-get update -qq && apt-get install -y -qq perl-doc >/dev/null
  fi
  mkdir -p "$(dirname "$corpus")"
  local raw="$corpus.raw" size=0
  : >"$raw"
  while read -r pod; do
    pod2text "$pod" >>"$raw" 2>/dev/null || true
    size=$(stat -c %s "$raw")
    [ "$size" -ge "$target_bytes" ] && break
  done < <(pod_sources | awk '!seen[$0]++')
  # Cut at the last whole line within the target size.
  head -c "$target_bytes" "$raw" | sed '$d' >"$corpus"
  rm -f "$raw"
  echo "travesty-bench.sh: corpus $corpus ($(stat -c %s "$corpus") bytes)" >&2
}

# Runs a command under /usr/bin/time -v; prints its stdout, then peak_rss_mb=...
measure() {
  local timing
  timing=$(mktemp)
  /usr/bin/time -v "$@" 2>"$timing" || { cat "$timing" >&2; rm -f "$timing"; return 1; }
  awk -F': ' '/Maximum resident set size/ {printf "peak_rss_mb=%.1f\n", $2 / 1024}' "$timing"
  rm -f "$timing"
}

value() { # value KEY LINE...
  printf '%s\n' "${@:2}" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2; exit}'
}

make_corpus
"$root/netkit" travesty-bench --help >/dev/null   # build first, outside the measurement

export NETKIT_JAVA_OPTS="${NETKIT_JAVA_OPTS:--XX:+UseSerialGC -Xmx80m}"
java_out=$(measure "$root/netkit" travesty-bench --corpus "$corpus" --words "$words" \
  --seed "$seed" --rounds "$rounds")
perl_out=$(measure perl "$root/benchmarks/src/main/perl/travesty_baseline.pl" \
  --corpus "$corpus" --words "$words" --seed "$seed" --layout "$layout")

java_line=$(echo "$java_out" | head -1)
perl_line=$(echo "$perl_out" | head -1)
java_rss=$(value peak_rss_mb $(echo "$java_out" | tail -1))
perl_rss=$(value peak_rss_mb $(echo "$perl_out" | tail -1))
echo "java: $java_line peak_rss_mb=$java_rss"
echo "perl: $perl_line peak_rss_mb=$perl_rss"
j() { value "$1" $java_line; }
p() { value "$1" $perl_line; }
awk -v jb="$(j build_MBps)" -v jcb="$(j cold_build_MBps)" -v pb="$(p build_MBps)" \
    -v jbm="$(j build_ms)" -v jim="$(j index_ms)" -v pbm="$(p build_ms)" \
    -v jg="$(j gen_words_per_s)" -v jcg="$(j cold_gen_words_per_s)" -v pg="$(p gen_words_per_s)" \
    -v jr="$java_rss" -v pr="$perl_rss" 'BEGIN {
  printf "ratio: build_speedup=%.1fx build_plus_index_speedup=%.1fx gen_speedup=%.1fx", \
    jb / pb, pbm / (jbm + jim), jg / pg
  printf " cold_build_speedup=%.1fx cold_gen_speedup=%.1fx peak_rss_java_over_perl=%.2f\n", \
    jcb / pb, jcg / pg, jr / pr
}'
