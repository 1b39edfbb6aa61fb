#!/usr/bin/env bash
# benchmarks/travesty-bench.sh [--words N] [--seed S] [--rounds R] [--corpus FILE]
#                              [--perl-layout book|arrays]
#
# The travesty engine against a Perl baseline of the book's Text::Travesty, in one run:
#   1. makes a ~10 MiB English corpus from Debian's perl-doc (pod2text of its .pod files, then of
#      other installed .pod/.pm files if needed) under benchmarks/target/ (never committed);
#      installs perl-doc with apt-get when it is missing (needs root);
#   2. runs benchmarks/src/main/perl/travesty_baseline.pl on it under /usr/bin/time -v;
#   3. runs `./netkit travesty-bench --rounds R` (R rounds in one JVM: cold_* = the first, the
#      rest = the median of the others): the warm figures;
#   4. runs `./netkit travesty-bench --rounds 1` under /usr/bin/time -v: the one-shot figures
#      (whole process: launcher, JVM start, build, index, generation; peak RSS of one model);
#   5. prints the result lines, then the four ratios of issue 16 and their goals on one line:
#      goal: build_index=Wx(>=20x) gen=Gx(>=20x) oneshot=Ox(>=5x) rss=R(<=0.5)
#      build_index = perl build_ms / (java build_ms + index_ms), warm; gen = ratio of words/s,
#      warm; oneshot = perl's wall time / java's, whole processes; rss = java's peak RSS / perl's;
#      then "cpu: oneshot_cpu=", the one-shot ratio of user+system seconds (steadier on a busy
#      machine, where wall times mostly measure the other processes).
# The Perl layout "book" (default) is the book's packed-id strings; "arrays" keeps successor
# words in Perl arrays (slower and larger; see the baseline's header).
# JVM flags (override with NETKIT_JAVA_OPTS): the serial collector, a 44 MiB heap cap and a
# 4 MiB young generation keep the JVM's footprint near the model's size (the model of the 10 MiB
# corpus peaks at about 33 MB while it is indexed; a larger --corpus needs a larger -Xmx).
# Before measuring, one unmeasured short run records the launcher's class-data-sharing archive
# (see ./netkit; NETKIT_CDS=off measures without).
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
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
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

# Runs a command under /usr/bin/time -v; prints its stdout, then peak_rss_mb=... wall_s=... cpu_s=...
measure() {
  local timing
  timing=$(mktemp)
  /usr/bin/time -v "$@" 2>"$timing" || { cat "$timing" >&2; rm -f "$timing"; return 1; }
  awk -F': ' '/Maximum resident set size/ {printf "peak_rss_mb=%.1f", $2 / 1024}
    /Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0
      for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s}
    /User time \(seconds\)|System time \(seconds\)/ {cpu += $2}
    END {printf " wall_s=%.3f cpu_s=%.3f\n", wall, cpu}' "$timing"
  rm -f "$timing"
}

value() { # value KEY LINE...
  printf '%s\n' "${@:2}" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2; exit}'
}

make_corpus
"$root/netkit" travesty-bench --help >/dev/null   # build first, outside the measurement

export NETKIT_JAVA_OPTS="${NETKIT_JAVA_OPTS:--XX:+UseSerialGC -Xmx44m -Xmn4m}"
# Unmeasured: records the class-data-sharing archive if the build is newer than it.
"$root/netkit" travesty-bench --corpus "$corpus" --words 1000 --rounds 1 >/dev/null \
  || { echo "travesty-bench.sh: the recording run failed" >&2; exit 1; }

fail() { echo "travesty-bench.sh: $1 failed (status $2)" >&2; exit 1; }
perl_out=$(measure perl "$root/benchmarks/src/main/perl/travesty_baseline.pl" \
  --corpus "$corpus" --words "$words" --seed "$seed" --layout "$layout") || fail perl $?
perl_line=$(head -1 <<<"$perl_out")
perl_time=$(tail -1 <<<"$perl_out")
echo "perl: $perl_line $perl_time"
warm_line=$("$root/netkit" travesty-bench --corpus "$corpus" --words "$words" \
  --seed "$seed" --rounds "$rounds") || fail "java warm" $?
echo "java warm: $warm_line"
once_out=$(measure "$root/netkit" travesty-bench --corpus "$corpus" --words "$words" \
  --seed "$seed" --rounds 1) || fail "java one-shot" $?
once_line=$(head -1 <<<"$once_out")
once_time=$(tail -1 <<<"$once_out")
echo "java one-shot: $once_line $once_time"
w() { value "$1" $warm_line; }
p() { value "$1" $perl_line; }
awk -v jbm="$(w build_ms)" -v jim="$(w index_ms)" -v pbm="$(p build_ms)" \
    -v jg="$(w gen_words_per_s)" -v pg="$(p gen_words_per_s)" \
    -v jw="$(value wall_s $once_time)" -v pw="$(value wall_s $perl_time)" \
    -v jr="$(value peak_rss_mb $once_time)" -v pr="$(value peak_rss_mb $perl_time)" \
    -v jc="$(value cpu_s $once_time)" -v pc="$(value cpu_s $perl_time)" 'BEGIN {
  printf "goal: build_index=%.1fx(>=20x) gen=%.1fx(>=20x) oneshot=%.1fx(>=5x) rss=%.2f(<=0.5)\n", \
    pbm / (jbm + jim), jg / pg, pw / jw, jr / pr
  printf "cpu: oneshot_cpu=%.1fx (user+system seconds, perl over java: less sensitive to load)\n", \
    pc / jc
}'
