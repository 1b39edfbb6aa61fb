#!/usr/bin/env bash
# Reverse-echo round trips per second on loopback, four servers measured in one run by the same
# C load generator (benchmarks/src/main/c/udp_echo_load.c):
#   netkit batched  ./netkit echo-server            (recvmmsg/sendmmsg through JNI)
#   netkit plain    ./netkit echo-server --no-batch (one recvfrom/sendto per datagram)
#   C plain         udp_reverse_echo_server.c       (one recvfrom/sendto per datagram)
#   C mmsg          udp_reverse_echo_mmsg_server.c  (recvmmsg/sendmmsg)
# for 64- and 1024-byte datagrams with 1 and 32 in flight. Each case runs ROUNDS rounds; a round
# measures every server for DURATION seconds, in an order that alternates from round to round,
# and the summary gives the median of the per-round ratios (a loaded machine shifts the rates of
# one round together, which the ratios cancel). netkit's servers print, when stopped, how many
# datagrams one system call moved on average.
# ROUNDS (default 3), DURATION (default 3 s), WARMUP (default 5 s, once per netkit server, for
# the JIT); SIZES (default "64 1024") and INFLIGHT (default "1 32") choose the cases.
# Usage: [ROUNDS=N] [DURATION=S] [WARMUP=S] [SIZES="..."] [INFLIGHT="..."] udp-echo-bench.sh
set -euo pipefail

case "${1:-}" in
  -h | --help)
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
    exit 0 ;;
  "") ;;
  *) echo "udp-echo-bench: no arguments (settings are environment variables; see --help)" >&2
    exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/benchmarks/src/main/c"
bin="$root/benchmarks/target/c"
rounds="${ROUNDS:-3}"
duration="${DURATION:-3}"
warmup="${WARMUP:-5}"
sizes="${SIZES:-64 1024}"
inflights="${INFLIGHT:-1 32}"

command -v gcc >/dev/null 2>&1 || { echo "udp-echo-bench: gcc is needed" >&2; exit 1; }
mkdir -p "$bin"
for program in udp_reverse_echo_server udp_reverse_echo_mmsg_server udp_echo_load; do
  gcc -O2 -Wall -Wextra -o "$bin/$program" "$src/$program.c"
done

pids=()
logs=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "${logs[@]}"
}
trap cleanup EXIT

# start NAME COMMAND...: runs a server in the background, sets $port to the port it reports and
# $log to its output. (Not called in a subshell, so that cleanup knows its pid.)
start() {
  log=$(mktemp "${TMPDIR:-/tmp}/udp-echo-bench.XXXXXX")
  logs+=("$log")
  "${@:2}" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    if grep -qoE '127\.0\.0\.1:[0-9]+' "$log"; then
      port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$log" | head -n 1 | cut -d: -f2)
      return
    fi
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.2
  done
  echo "udp-echo-bench: $1 did not start:" >&2
  cat "$log" >&2
  exit 1
}

names=("netkit batched" "netkit plain" "C plain" "C mmsg")
# The load generator is one source address asking far more than the default reply budget (1000
# datagrams/s per source, issue 15): lift it, or the benchmark measures the budget.
unlimited=(--reply-rate 1e12 --reply-byte-rate 1099511627776)
ports=()
start "${names[0]}" "$root/netkit" echo-server 0 --bind 127.0.0.1 "${unlimited[@]}"
ports+=("$port"); batched_log=$log; batched_pid=${pids[-1]}
start "${names[1]}" "$root/netkit" echo-server 0 --bind 127.0.0.1 --no-batch "${unlimited[@]}"
ports+=("$port"); plain_log=$log; plain_pid=${pids[-1]}
start "${names[2]}" "$bin/udp_reverse_echo_server" 127.0.0.1 0
ports+=("$port")
start "${names[3]}" "$bin/udp_reverse_echo_mmsg_server" 127.0.0.1 0
ports+=("$port")

# rate PORT SECONDS WARMUP INFLIGHT SIZE: round trips per second; lost and bad replies go to
# stderr, and a bad reply aborts the run.
rate() {
  local result
  result=$("$bin/udp_echo_load" 127.0.0.1 "$1" "$2" "$3" "$4" "$5")
  if ! grep -q ' lost=0 ' <<<"$result"; then
    echo "    (port $1: $result)" >&2
  fi
  sed -n 's/.*rate=\([0-9]*\).*/\1/p' <<<"$result"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
    else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "udp-echo-bench: $rounds rounds of ${duration} s per server and case; $(nproc) cores"
for i in 0 1; do
  rate "${ports[$i]}" "$warmup" 0 32 64 >/dev/null
done

summary=()
for size in $sizes; do
  for inflight in $inflights; do
    echo "case ${size} bytes, ${inflight} in flight (round trips/s):"
    declare -a vs_cplain=() vs_cmmsg=() plain_vs_cplain=() batched_vs_plain=()
    for round in $(seq 1 "$rounds"); do
      declare -a rates=()
      # Alternate the order: forward in odd rounds, backward in even ones.
      order=(0 1 2 3)
      if (( round % 2 == 0 )); then order=(3 2 1 0); fi
      for i in "${order[@]}"; do
        rates[$i]=$(rate "${ports[$i]}" "$duration" 0.5 "$inflight" "$size")
      done
      printf '  round %d: %s %s | %s %s | %s %s | %s %s\n' "$round" \
        "${names[0]}" "${rates[0]}" "${names[1]}" "${rates[1]}" \
        "${names[2]}" "${rates[2]}" "${names[3]}" "${rates[3]}"
      vs_cplain+=("$(awk -v a="${rates[0]}" -v b="${rates[2]}" 'BEGIN { print a / b }')")
      vs_cmmsg+=("$(awk -v a="${rates[0]}" -v b="${rates[3]}" 'BEGIN { print a / b }')")
      plain_vs_cplain+=("$(awk -v a="${rates[1]}" -v b="${rates[2]}" 'BEGIN { print a / b }')")
      batched_vs_plain+=("$(awk -v a="${rates[0]}" -v b="${rates[1]}" 'BEGIN { print a / b }')")
    done
    line=$(printf '%5s B %2s in flight: batched/C-plain %.2f  batched/C-mmsg %.2f  plain/C-plain %.2f  batched/plain %.2f' \
      "$size" "$inflight" \
      "$(printf '%s\n' "${vs_cplain[@]}" | median)" "$(printf '%s\n' "${vs_cmmsg[@]}" | median)" \
      "$(printf '%s\n' "${plain_vs_cplain[@]}" | median)" \
      "$(printf '%s\n' "${batched_vs_plain[@]}" | median)")
    summary+=("$line")
  done
done

echo "medians of per-round ratios (netkit batched and plain vs the C servers):"
printf '  %s\n' "${summary[@]}"
kill "$batched_pid" "$plain_pid"
wait "$batched_pid" "$plain_pid" 2>/dev/null || true
echo "system calls:"
grep -h 'system calls' "$batched_log" "$plain_log" | sed 's/^/  /'
