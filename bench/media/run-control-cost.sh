#!/usr/bin/env bash
# Control-path CPU: relay CPU per ROUNDS x CALLS sessions set up and torn down with 0.1 s of media and no warm-up
# seconds, for rtpengine (ng, the reference command line) and media-relay-service (gRPC), after warm-up rounds.
# Relay pinned to CPU 1, generator to CPU 0, relay CPU from /proc/<pid>/stat (user + system ticks, 1/100 s).
# usage: bench/media/run-control-cost.sh [path to quarkus-run.jar]   (CALLS=500 ROUNDS=5 WARMUP=4 JVM_OPTS=...)
# Needs rtpengine (apt-get install rtpengine-daemon) and the reference generator in $RTP_REFERENCE_DIR.
# Loopback only (127.0.0.70-73); ends only the relays it started.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app="${1:-$root/media-relay-service/target/quarkus-app/quarkus-run.jar}"
calls="${CALLS:-500}"
rounds="${ROUNDS:-5}"
warmup="${WARMUP:-4}"
export RTP_REFERENCE_DIR="${RTP_REFERENCE_DIR:-/work/shared/bench/rtpengine/rtp}"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
jit() { # CPU ticks of the JVM's JIT compiler threads (0 for rtpengine)
  local sum=0 t
  for t in /proc/"$1"/task/*; do
    if grep -q '^C[12] Compi' "$t/comm" 2>/dev/null; then
      sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
    fi
  done
  echo "$sum"
}

measure() { # name pid generator address
  local name=$1 pid=$2 gen=$3 ng=$4
  for ((i = 1; i <= warmup; i++)); do
    taskset -c 0 python3 "$gen" --ng "$ng" --calls "$calls" --duration 1 >/dev/null 2>&1
  done
  for ((i = 1; i <= rounds; i++)); do
    local c0 c1 j0 j1
    c0=$(cpu "$pid"); j0=$(jit "$pid")
    taskset -c 0 python3 "$gen" --ng "$ng" --calls "$calls" --duration 0.1 --warmup 0 >/dev/null 2>&1
    c1=$(cpu "$pid"); j1=$(jit "$pid")
    echo "$name round $i: $(((c1 - c0) * 10)) ms relay CPU for $calls sessions, of which JIT $(((j1 - j0) * 10)) ms"
  done
}

taskset -c 1 rtpengine --config-file=none -f -E -L 4 --table=-1 -i 127.0.0.70 -n 127.0.0.70:2223 \
  -m 30000 -M 50000 --num-threads=1 -o 60 -d 0 >/dev/null 2>&1 &
rtpe=$!
sleep 2
measure rtpengine "$rtpe" "$RTP_REFERENCE_DIR/rtp_load.py" 127.0.0.70:2223
kill "$rtpe"; wait "$rtpe" || true

ip=127.0.0.73
taskset -c 1 java -Xms256m -Xmx512m ${JVM_OPTS:-} -Dmedia.bind-address=$ip -Dmedia.advertised-address=$ip \
  -Dmedia.port-min=30000 -Dmedia.port-max=50000 -Dmedia.quarantine=1s \
  -Dquarkus.grpc.server.host=$ip -Dquarkus.grpc.server.port=9013 -Dquarkus.http.host=$ip -Dquarkus.http.port=8093 \
  -Dquarkus.log.level=WARN -jar "$app" >/dev/null 2>&1 &
relay=$!
for _ in $(seq 60); do curl -sf "http://$ip:8093/q/health/ready" >/dev/null && break; sleep 1; done
measure media-relay "$relay" "$here/relay_load.py" "$ip:9013"
kill "$relay"; wait "$relay" || true
