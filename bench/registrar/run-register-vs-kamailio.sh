#!/usr/bin/env bash
# REGISTER/s with digest auth (MD5) through the edge against a real 3-node registrar cluster, beside Kamailio's
# registrar with in-memory usrloc and -A WITH_AUTH (the shared anchor bench, ../shared/bench/kamailio), on one
# machine, in one session, taking turns: only ratios measured together mean something on this shared box.
#
# Our side is the real platform started with bin/platform run: edge-proxy (1 replica, 2 shards), routing-service
# (H2 provisioning, GetCredentials) and PLATFORM_REGISTRARS=3 registrar-service nodes in one Infinispan cluster
# (DIST_SYNC, owners=2, static TCPPING discovery). cdr-service and media-relay-service are started by the launcher
# and stopped once everything is ready (not on the REGISTER path; KEEP_ALL=1 keeps them). N users (USERS, default
# 10 000, the anchor's u000000.. with password benchpass) are provisioned as digest accounts through routing's admin
# REST API (bench/registrar/provision.py: 500 trunks of 20 accounts, one POST each, ~1-2 min; each trunk lists its
# accounts' AORs sip:<user>@<SIP_HOST>). The SIP domain is the edge's address SIP_HOST:SIP_PORT, as the anchor does
# for Kamailio: SIPp puts "sip:<remote host:port>" into the digest uri, and the registrar checks that it names the
# Request-URI (RFC 7616 3.4.6); the edge drops the port from the AOR (To URI).
#
# Per authenticated registration our platform does: edge -> registrar (REGISTER without credentials -> 401 with a
# stateless HMAC nonce), edge -> registrar (REGISTER with credentials) -> routing GetCredentials (no cache in the
# registrar: one gRPC call per authenticated REGISTER) -> Infinispan read + compare-and-set on the AOR's primary
# owner (and its backup) -> 200. The edge balances round-robin over the three registrars. Kamailio checks one
# static password (pv_auth_check) and writes usrloc in its own shared memory.
#
# Every rate comes from the anchor's search (anchor_bench.py --search: x1.5 then bisection; a step passes with
# < 0.1 % failed, < 0.1 % retransmitted, <= 0.1 % unfinished and >= 95 % of the rate offered) with the anchor's
# REGISTER scenario (reg.xml: REGISTER, 401, REGISTER with Authorization, 200; 10 000 distinct users, then
# refreshes). CPU is utime+stime of the server's process tree between the start and the end of the SIPp run: for
# us the launcher's tree (edge + 3 registrars + routing), split per JVM by bench/registrar/anchor_split.py.
#
#   bench/registrar/run-register-vs-kamailio.sh           REPEAT=1 DURATION=10: one search per server
#   SMOKE=1 bench/registrar/run-register-vs-kamailio.sh   one short fixed-rate run each (checks the set-up)
#   python3 bench/registrar/report.py bench/registrar/results
#
# Environment: ANCHOR (shared bench dir), OUT (results, default bench/registrar/results), SIP_HOST/SIP_PORT
# (our edge, 127.0.0.65:5062), KAM_HOST/KAM_PORT (Kamailio, 127.0.0.66:5060), LOCAL_IP (SIPp and probe,
# 127.0.0.67), PLATFORM_PORT_OFFSET (3000: HTTP/gRPC/cluster ports 8079+3000.., never 0 or 1000), USERS (10000),
# PER_TRUNK (20), REPEAT (1), DURATION (10), OUR_START (300), KAM_START (2000), MAX_STEPS (7), BENCH_ARGS (more
# anchor_bench.py options), KEEP_ALL (keep cdr and media running), HOLD=<s> (only start and provision, then wait),
# WARMUP_RATE/WARMUP_JIT/WARMUP_MAX (below), JFR=1 (JFR recordings of the edge and the registrars into OUT).
# Needs: a full build (./mvnw -B -ntp -o install -DskipTests), sipp, kamailio, python3, curl. Everything binds to
# 127.0.0.0/8; every process started here has a time limit and is stopped by its PID on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
anchor=${ANCHOR:-$root/../shared/bench/kamailio}
out=${OUT:-$root/bench/registrar/results}
sip_host=${SIP_HOST:-127.0.0.65}
sip_port=${SIP_PORT:-5062}
kam_host=${KAM_HOST:-127.0.0.66}
kam_port=${KAM_PORT:-5060}
local_ip=${LOCAL_IP:-127.0.0.67}
off=${PLATFORM_PORT_OFFSET:-3000}
users=${USERS:-10000}
repeat=${REPEAT:-1}
duration=${DURATION:-10}
domain="$sip_host:$sip_port"
case "$off" in 0|1000) echo "PLATFORM_PORT_OFFSET $off is used by other sessions; pick another" >&2; exit 2 ;; esac
for m in registrar-service routing-service edge-proxy cdr-service media-relay-service; do
  [ -f "$root/$m/target/quarkus-app/quarkus-run.jar" ] || { echo "build first: ./mvnw -B -ntp -o install -DskipTests ($m)" >&2; exit 2; }
done
[ -f "$anchor/anchor_bench.py" ] || { echo "no anchor bench at $anchor (set ANCHOR)" >&2; exit 2; }
mkdir -p "$out"
data="$out/platform-data"
rm -rf "$data"
mkdir -p "$data"

export PLATFORM_DATA_DIR="$data" PLATFORM_PORT_OFFSET="$off" PLATFORM_REGISTRARS=3 PLATFORM_EDGES=1 \
  PLATFORM_SIP_HOST="$sip_host" PLATFORM_SIP_PORT="$sip_port" PLATFORM_TLS_PORT=$((sip_port + 1)) \
  PLATFORM_WS_PORT=$((sip_port + 6)) PLATFORM_DIGEST_ALGORITHMS=MD5
jfr_edge="" jfr_reg=""
if [ -n "${JFR:-}" ]; then
  jfr_edge="-XX:StartFlightRecording=filename=$out/edge.jfr,settings=profile,maxage=2h,dumponexit=true"
  # one file per registrar JVM: JFR names a file in a given directory after the pid and time (JDK 17 has no %p)
  mkdir -p "$out/jfr-registrars"
  jfr_reg="-XX:StartFlightRecording=filename=$out/jfr-registrars/,settings=profile,maxage=2h,dumponexit=true"
fi
export PLATFORM_JAVA_OPTS="-Xms256m -Xmx512m -Dquarkus.log.level=WARN"
export PLATFORM_JAVA_OPTS_EDGE_PROXY="-Xms512m -Xmx1g -Dedge.cdr.enabled=false -Dedge.gateways.probes-enabled=false -Dedge.gateways.report-calls=false $jfr_edge"
export PLATFORM_JAVA_OPTS_REGISTRAR_SERVICE="$jfr_reg"
# seven JVMs start at once on 2 busy cores: H2's first connection took longer than Agroal's default 5 s
export PLATFORM_JAVA_OPTS_ROUTING_SERVICE="-Dquarkus.datasource.embedded.jdbc.acquisition-timeout=120S"

platform=""
stop() {
  set +e
  if [ -n "$platform" ] && kill -0 "$platform" 2>/dev/null; then
    kill -TERM "$platform" 2>/dev/null   # timeout forwards it to bin/platform, which drains and stops its JVMs
    for _ in $(seq 1 60); do kill -0 "$platform" 2>/dev/null || break; sleep 1; done
  fi
  # any JVM the launcher started and that is still alive: by its recorded PID only
  for f in "$data"/pids/*.pid; do
    [ -s "$f" ] || continue
    p=$(cat "$f")
    grep -q quarkus-run.jar "/proc/$p/cmdline" 2>/dev/null && kill -KILL "$p" 2>/dev/null
  done
  [ -n "$platform" ] && kill -KILL "$platform" 2>/dev/null
  [ -n "$platform" ] && wait "$platform" 2>/dev/null
}
trap stop EXIT
trap 'exit 130' INT TERM

# the same priority as the load generators and Kamailio (the anchor runs them at nice -10)
nice -n -10 timeout 10800 "$root/bin/platform" run > "$out/platform.log" 2>&1 &
platform=$!
for _ in $(seq 1 300); do
  grep -q "PLATFORM READY" "$out/platform.log" && break
  kill -0 "$platform" 2>/dev/null || { echo "platform exited; see $out/platform.log and $data/logs" >&2; exit 1; }
  sleep 1
done
grep -q "PLATFORM READY" "$out/platform.log" || { echo "platform not ready in 300 s" >&2; exit 1; }
grep -E ' (UP|DOWN) ' "$out/platform.log" || true
# cdr and media are not on the REGISTER path (and are stopped below): only the others must be up
if grep -E ' DOWN ' "$out/platform.log" | grep -qvE 'cdr-service|media-relay-service'; then
  echo "a service on the REGISTER path is down; see $data/logs" >&2; exit 1
fi
if [ -z "${KEEP_ALL:-}" ]; then
  timeout 60 "$root/bin/platform" stop cdr-service
  timeout 60 "$root/bin/platform" stop media-relay-service
fi
for k in 1 2 3; do
  echo "registrar #$k: $(curl -sf -m 5 "http://127.0.0.1:$((9001 + off + 10 * (k - 1)))/q/health/ready" | tr -d ' \n' | grep -o '"members":[^]]*]' || echo '?')"
done
echo "platform (launcher pid $platform) edge on $sip_host:$sip_port; JVMs: $(cat "$data"/pids/*.pid | tr '\n' ' ')"

python3 "$anchor/gen-users.py" "$users" benchpass u u > "$out/users.csv"
timeout 600 python3 "$root/bench/registrar/provision.py" --api "http://127.0.0.1:$((8082 + off))/admin/v1" \
  --token "$(cat "$data/admin-token")" --csv "$out/users.csv" --per-trunk "${PER_TRUNK:-20}" --aor-domain "$sip_host" --deadline 400 \
  | tee "$out/provision.json"

if [ -n "${HOLD:-}" ]; then
  echo "HOLD: platform up and provisioned for $HOLD s (for tracing or profiling by hand), then stopped"
  sleep "$HOLD" &
  wait $! || true
  exit 0
fi

# JIT warm-up (Kamailio needs none). Five JVMs compile a large code base (Quarkus, gRPC, Netty, Infinispan, JGroups)
# with two C2 threads each on a busy 2-core box: a first try with 40 s of load still spent most of the platform's CPU
# in C2 compiler threads 10 minutes later. So: 30 s rounds of authenticated REGISTERs at WARMUP_RATE (120/s) from a
# port the anchor does not use, until the JIT compiler threads' share of the platform's CPU in a round is below
# WARMUP_JIT (10 %), for at most WARMUP_MAX seconds (600).
platform_jit() {  # "<all ticks> <compiler-thread ticks>" of the launcher's JVMs
  local all=0 jit=0 p t f n
  for f in "$data"/pids/*.pid; do
    p=$(cat "$f"); [ -d "/proc/$p" ] || continue
    all=$((all + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    for t in /proc/"$p"/task/*; do
      n=$(cat "$t/comm" 2>/dev/null) || continue
      case "$n" in *CompilerThre*) jit=$((jit + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0))) ;; esac
    done
  done
  echo "$all $jit"
}
warm_start=$(date +%s)
wrate=${WARMUP_RATE:-120}
while :; do
  read -r a0 j0 < <(platform_jit)
  nice -n -10 timeout 150 sipp "$sip_host:$sip_port" -sf "$anchor/scenarios/reg.xml" -inf "$out/users.csv" \
    -key domain "$domain" -key expires 3600 -i "$local_ip" -p 5095 -m $((wrate * 30)) -r "$wrate" -l 3000 \
    -timeout 120s -timeout_error -nostdin -trace_stat -stf "$out/warmup_stat.csv" > "$out/warmup.log" 2>&1 || true
  read -r a1 j1 < <(platform_jit)
  ok=$(tail -1 "$out/warmup_stat.csv" | cut -d';' -f16)
  share=$(( (j1 - j0) * 100 / ((a1 - a0) > 0 ? (a1 - a0) : 1) ))
  echo "warm-up round: $ok of $((wrate * 30)) registered, platform CPU $(( (a1 - a0) / 100 )) s, JIT compiler threads ${share} %"
  [ "$share" -lt "${WARMUP_JIT:-10}" ] && break
  [ $(( $(date +%s) - warm_start )) -ge "${WARMUP_MAX:-600}" ] && { echo "warm-up: JIT still busy after ${WARMUP_MAX:-600} s"; break; }
done

if [ -n "${SMOKE:-}" ]; then
  ours=(--rate 100 --repeat 1 --duration 5)
  kam=(--rate 100 --repeat 1 --duration 5)
else
  ours=(--search --repeat 1 --duration "$duration" --start "${OUR_START:-300}" --max-steps "${MAX_STEPS:-7}")
  kam=(--search --repeat 1 --duration "$duration" --start "${KAM_START:-2000}" --max-steps "${MAX_STEPS:-7}")
fi
extra=(${BENCH_ARGS:---quiet-wait 5 --cooldown 2})
common=(register --auth --users "$users" --local-ip "$local_ip" --out "$out")
bench() { ANCHOR="$anchor" timeout 3600 python3 "$root/bench/registrar/anchor_split.py" "$@" "${extra[@]}"; }
run_ours() {
  bench "${common[@]}" "${ours[@]}" --external --host "$sip_host" --port "$sip_port" --domain "$domain" \
    --target-pid "$platform" --label plat-reg-auth
}
run_kam() { bench "${common[@]}" "${kam[@]}" --host "$kam_host" --port "$kam_port" --label kam-reg-auth; }
for i in $(seq 1 "$repeat"); do
  echo "== round $i of $repeat, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ $((i % 2)) = 1 ]; then run_ours; run_kam; else run_kam; run_ours; fi
done
python3 "$root/bench/registrar/report.py" "$out"
