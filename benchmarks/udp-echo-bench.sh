#!/usr/bin/env bash
# Reverse-echo round trips per second: netkit's ReverseEchoServer (./netkit echo-server)
# against a minimal C recvfrom/sendto server, both on loopback, measured in the same run by the
# same C load generator (64-byte datagrams, 32 in flight). Prints both rates and the ratio.
# DURATION (default 10 s) and WARMUP (default 3 s, for the JIT) are seconds per server.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/benchmarks/src/main/c"
bin="$root/benchmarks/target/c"
duration="${DURATION:-10}"
warmup="${WARMUP:-3}"
inflight=32
size=64

command -v gcc >/dev/null 2>&1 || { echo "udp-echo-bench: gcc is needed" >&2; exit 1; }
mkdir -p "$bin"
gcc -O2 -Wall -Wextra -o "$bin/udp_reverse_echo_server" "$src/udp_reverse_echo_server.c"
gcc -O2 -Wall -Wextra -o "$bin/udp_echo_load" "$src/udp_echo_load.c"

pids=()
logs=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "${logs[@]}"
}
trap cleanup EXIT

# start NAME COMMAND...: runs a server in the background and sets $port to the port it reports.
# (Not called in a subshell, so that cleanup knows its pid.)
start() {
  local log
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

port=
start "C server" "$bin/udp_reverse_echo_server" 127.0.0.1 0
c_port=$port
start "netkit echo-server" "$root/netkit" echo-server 0 --bind 127.0.0.1
netkit_port=$port

# measure NAME PORT: the load generator against the server on PORT; prints its rate and keeps
# its whole result line (lost and bad replies too) for the summary. Bad replies abort the run.
measure() {
  local result
  result=$("$bin/udp_echo_load" 127.0.0.1 "$2" "$duration" "$warmup" "$inflight" "$size")
  echo "  $1: $result" >&2
  sed -n 's/.*rate=\([0-9]*\).*/\1/p' <<<"$result"
}

echo "udp-echo-bench: ${size}-byte datagrams, ${inflight} in flight, ${duration} s after" \
  "${warmup} s warm-up, per server"
c_rate=$(measure "C server" "$c_port")
netkit_rate=$(measure "netkit" "$netkit_port")
echo "C recvfrom/sendto server:  ${c_rate} round trips/s"
echo "netkit ReverseEchoServer:  ${netkit_rate} round trips/s"
awk -v n="$netkit_rate" -v c="$c_rate" 'BEGIN { printf "ratio netkit/C: %.2f\n", n / c }'
