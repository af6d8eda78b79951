#!/usr/bin/env bash
# The edge proxy against Kamailio with the same SIPp scenarios, on one machine, in one session, taking turns
# (the machine's speed drifts, so only ratios measured together mean something). Drives the shared anchor bench
# (../shared/bench/kamailio, see its README): max calls/s (INVITE-180-200-ACK-BYE, record-routed, < 0.1 % failed
# calls and retransmissions), the server's CPU seconds per 1 000 calls, and max REGISTER/s with digest auth.
#
# The edge runs alone with bench/edge/BenchServices.java standing in for routing and registrar (the scenarios call
# user to user, which the platform's DID/trunk routing does not do); the CPU figure is the edge JVM's own.
#
#   bench/edge/run-edge-vs-kamailio.sh            REPEAT=1 DURATION=10: one search per number and server
#   SMOKE=1 bench/edge/run-edge-vs-kamailio.sh    one short fixed-rate run each (checks the set-up, ~2 min)
#
# Environment: ANCHOR (shared bench dir), OUT (results dir, default bench/edge/results), EDGE_HOST/EDGE_PORT
# (127.0.0.63:5062), SVC_PORT (19702), EDGE_HTTP_PORT (18080), REPEAT, DURATION, CALLS_START, REG_START,
# BENCH_ARGS (more anchor_bench.py options, e.g. "--max-steps 6 --quiet-wait 5"), KAM_HOST (Kamailio's address,
# default the anchor's 127.0.0.61), LOCAL_IP (SIPp's and the probe's address, default the anchor's 127.0.0.62): other
# sessions on this box run the anchor on its defaults. EDGE_JAVA_OPTS: more JVM options for the edge, e.g.
# "-XX:StartFlightRecording=filename=/tmp/edge.jfr,settings=profile" for a profile of the whole run.
# Needs: a built edge (./mvnw -pl edge-proxy package -DskipTests), sipp, kamailio, python3. Everything binds to
# 127.0.0.0/8; every process started here has a time limit and is stopped by its PID on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
anchor=${ANCHOR:-$root/../shared/bench/kamailio}
out=${OUT:-$root/bench/edge/results}
host=${EDGE_HOST:-127.0.0.63}
port=${EDGE_PORT:-5062}
svc_port=${SVC_PORT:-19702}
http_port=${EDGE_HTTP_PORT:-18080}
local_ip=${LOCAL_IP:-127.0.0.62}
kam_at=()
[ -n "${KAM_HOST:-}" ] && kam_at=(--host "$KAM_HOST")
repeat=${REPEAT:-1}
duration=${DURATION:-10}
app=$root/edge-proxy/target/quarkus-app
[ -f "$app/quarkus-run.jar" ] || { echo "build the edge first: ./mvnw -pl edge-proxy package -DskipTests" >&2; exit 2; }
[ -f "$anchor/anchor_bench.py" ] || { echo "no anchor bench at $anchor (set ANCHOR)" >&2; exit 2; }
mkdir -p "$out"

pids=()
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap stop EXIT

# the stand-in is on the SIP path of every request: same priority as the edge and the load generators
nice -n -10 timeout 7200 java -Xmx256m -cp "$app/app/*:$app/lib/main/*" "$root/bench/edge/BenchServices.java" "$svc_port" benchpass \
  > "$out/bench-services.log" 2>&1 &
pids+=($!)
# same priority as the load generators (the anchor runs kamailio, SIPp and its probe at nice -10)
nice -n -10 timeout 7200 java -Xms512m -Xmx1g ${EDGE_JAVA_OPTS:-} \
  -Dquarkus.http.port="$http_port" -Dquarkus.http.host=127.0.0.1 -Dquarkus.otel.sdk.disabled=true \
  -Dquarkus.log.level=WARN \
  -Dedge.sip.udp.host="$host" -Dedge.sip.udp.port="$port" -Dedge.sip.tcp.enabled=false \
  -Dedge.domains="$host" -Dedge.protection.trusted=127.0.0.0/8 \
  -Dedge.cdr.enabled=false -Dedge.gateways.probes-enabled=false -Dedge.gateways.report-calls=false \
  -Dquarkus.grpc.clients.routing.host=127.0.0.1 -Dquarkus.grpc.clients.routing.port="$svc_port" \
  -Dquarkus.grpc.clients.registrar.host=127.0.0.1 -Dquarkus.grpc.clients.registrar.port="$svc_port" \
  -jar "$app/quarkus-run.jar" > "$out/edge.log" 2>&1 &
edge=$!
pids+=("$edge")
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$http_port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$edge" 2>/dev/null || { echo "edge exited; see $out/edge.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$http_port/q/health/ready" >/dev/null || { echo "edge not ready" >&2; exit 1; }
echo "edge (pid $edge) on $host:$port, bench services on 127.0.0.1:$svc_port"

# JIT warm-up (Kamailio needs none): 20 s of authenticated REGISTERs at a moderate rate from a port the anchor
# does not use, so the first measured run does not time out on a cold JVM
python3 "$anchor/gen-users.py" 6000 benchpass w w > "$out/warmup-users.csv"
nice -n -10 timeout 120 sipp "$host:$port" -sf "$anchor/scenarios/reg.xml" -inf "$out/warmup-users.csv" -key domain "$host" \
  -key expires 3600 -i "$local_ip" -p 5095 -m 6000 -r 300 -l 2000 -timeout 60s -timeout_error -nostdin \
  > "$out/warmup.log" 2>&1 || echo "warm-up finished with failures (see $out/warmup.log)"

if [ -n "${SMOKE:-}" ]; then
  mode=(--rate 100 --repeat 1 --duration 5)
  regmode=(--rate 100 --repeat 1 --duration 5)
else
  mode=(--search --repeat 1 --duration "$duration" --start "${CALLS_START:-500}")
  regmode=(--search --repeat 1 --duration "$duration" --start "${REG_START:-1000}")
fi
extra=(${BENCH_ARGS:-})
bench() { timeout 5400 python3 "$anchor/anchor_bench.py" "$@" --local-ip "$local_ip" "${extra[@]}" --out "$out"; }
for i in $(seq 1 "$repeat"); do
  echo "== round $i of $repeat"
  bench calls "${mode[@]}" --external --host "$host" --port "$port" --target-pid "$edge" --label edge-calls
  bench calls "${mode[@]}" "${kam_at[@]}" --label kamailio-calls
  bench register "${regmode[@]}" --auth --external --host "$host" --port "$port" --target-pid "$edge" \
    --label edge-register-auth
  bench register "${regmode[@]}" --auth "${kam_at[@]}" --label kamailio-register-auth
done
python3 "$root/bench/edge/report.py" "$out"
