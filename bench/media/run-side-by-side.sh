#!/usr/bin/env bash
# rtpengine (Debian, userspace forwarding, 1 thread on CPU 1) and media-relay-service (JVM pinned to CPU 1) in one
# run, both driven by the reference generator (rtp_load.py, CPU 0): concurrent G.711 calls (2 streams x 50 pps x
# 172 B), loss threshold MAX_LOSS percent. The two alternate, one repetition each at a time, so that both meet the
# same background load on a shared machine. Prints the side-by-side table of all runs in OUT (compare.py).
# Both go through relay_bench.py (rtpengine with --engine rtpengine: the reference rtp_bench.py's command line and
# generator, plus the relay-side packet count that a starved generator cannot distort).
# With BEFORE_APP=<path to another build's quarkus-run.jar> that build runs too, third in each repetition, labelled
# media-relay-before: a before/after comparison in the same run. The load average is logged to OUT/loadavg.log.
# Needs: rtpengine (apt-get install rtpengine-daemon), perf, media-relay-service packaged
# (./mvnw package -pl media-relay-service -DskipTests). Loopback only (127.0.0.70-73).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
reference="${RTP_REFERENCE_DIR:-/work/shared/bench/rtpengine}"
out="${OUT:-$here/results}"
calls="${CALLS:-250,500,750,1000,1250,1500}"
duration="${DURATION:-20}"
repeat="${REPEAT:-3}"
max_loss="${MAX_LOSS:-0.01}"
before="${BEFORE_APP:-}"
mkdir -p "$out"
load() { echo "$(date -u +%FT%TZ) $1 $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/loadavg.log"; }
bench() {
  RTP_REFERENCE_DIR="$reference/rtp" timeout 2400 python3 "$here/relay_bench.py" --calls "$calls" \
    --duration "$duration" --repeat 1 --max-loss "$max_loss" --out "$out" "$@"
  sleep 1 # result directories are named by the second
}
for ((i = 1; i <= repeat; i++)); do
  load "rep $i rtpengine"
  bench --engine rtpengine
  load "rep $i media-relay"
  bench "$@"
  if [[ -n "$before" ]]; then
    load "rep $i media-relay-before"
    bench "$@" --app "$before" --label media-relay-before
  fi
done
load "end"
python3 "$here/compare.py" "$out" ${before:+--before-label media-relay-before}
