#!/usr/bin/env bash
# JVM and event-loop variants of one build of media-relay-service, interleaved (relay_bench.py, one repetition of each
# at a time): the Quarkus default (2 event loops on the one pinned CPU), one event loop, C1 only. Results in OUT, one
# directory per variant (labels media-relay, el1, c1); loadavg.log beside them. REPEAT, CALLS, DURATION, APP as in
# run-side-by-side.sh. Loopback only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT:-$here/results-jvm}"
app="${APP:-$here/../../media-relay-service/target/quarkus-app/quarkus-run.jar}"
mkdir -p "$out"
run() {
  echo "$(date -u +%FT%TZ) $1 $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/loadavg.log"
  RTP_REFERENCE_DIR="${RTP_REFERENCE_DIR:-/work/shared/bench/rtpengine}/rtp" timeout 900 python3 "$here/relay_bench.py" \
    --calls "${CALLS:-500}" --duration "${DURATION:-10}" --repeat 1 --out "$out" --app "$app" --label "$1" --jvm "$2"
  sleep 1 # result directories are named by the second
}
for ((i = 1; i <= ${REPEAT:-2}; i++)); do
  run media-relay "-Xms256m -Xmx512m"
  run el1 "-Xms256m -Xmx512m -Dquarkus.vertx.event-loops-pool-size=1"
  run c1 "-Xms256m -Xmx512m -XX:TieredStopAtLevel=1"
done
