#!/usr/bin/env python3
"""media-relay-service relay capacity on ONE core, measured like the rtpengine reference (rtp_bench.py).

Starts media-relay-service (target/quarkus-app) pinned to CPU --rtp-cpu (default 1), the reference generator
through relay_load.py pinned to CPU --gen-cpu (default 0), and steps the number of concurrent calls (2 RTP
streams each, 50 pps, 172-byte packets) until loss >= --max-loss. For every step: loss, relay CPU (cores, all JVM
threads: event loops, GC, JIT), relay latency. Stops the relay by its PID. Same output layout as the reference:
results/<stamp>-media-relay/runs.jsonl and summary.json.

With --engine rtpengine the same procedure runs rtpengine instead (the reference command line of rtp_bench.py:
userspace, one thread, CPU --rtp-cpu; ng control on 127.0.0.70:2223; the reference rtp_load.py unchanged; no
warm-up, it has no JIT), so that both relays get the same accounting.

Relay-side packet count: the generator's "received" undercounts what a relay relayed whenever the generator itself
is starved (its receive queue, capped by net.core.rmem_max at a few hundred packets, overflows after ~10 ms of
stall, and packets the relay has already paid for are lost there). So every step also counts, for both relays, the
send system calls the relay process made (perf stat on syscalls:sys_enter_sendto/sendmsg/sendmmsg, with the receive
and epoll_wait calls beside them for system calls per packet: RTP leaves by
one sendto per packet from both relays, rtpengine answers ng by sendmsg; a sendmmsg call can carry several) and,
for media-relay, its own media_relay_packets_total. compare.py divides those by the relay's CPU seconds as well.

usage: relay_bench.py [--engine media-relay|rtpengine] [--calls 250,500,...] [--duration 20] [--repeat 3]
                      [--max-loss 0.01]
Only 127.0.0.0/8 addresses are used (127.0.0.73 or .70 for the relay, 127.0.0.71-72 for the generator).
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
REFERENCE = os.environ.get("RTP_REFERENCE_DIR", "/work/shared/bench/rtpengine/rtp")
sys.path.insert(0, REFERENCE)
from rtp_bench import CLK, tree_cpu, udp_free  # noqa: E402  (the reference's CPU accounting)


def jit_cpu(pid):
    """CPU seconds of the JVM's JIT compiler threads (part of tree_cpu): the warm-up cost a long-running relay
    no longer pays, reported beside the total so that the two can be told apart."""
    t = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                s = f.read()
            if "CompilerThre" not in s[s.index("(") + 1:s.rindex(")")]:
                continue
            rest = s[s.rindex(")") + 2:].split()
            t += int(rest[11]) + int(rest[12])
        except (OSError, ValueError):
            pass
    return t / CLK


def wait_ready(url, proc, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    return False


def stop(proc, sig=signal.SIGTERM, grace=20):
    """Stops a process started here by its PID: {sig}, then SIGKILL after {grace} s."""
    proc.send_signal(sig)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


SYSCALLS = ("sendto", "sendmsg", "sendmmsg", "recvfrom", "recvmsg", "recvmmsg", "epoll_wait", "epoll_pwait")


def count_sends(pid, seconds, path):
    """Starts perf stat counting the packet system calls of {pid}; stop it with finish_sends."""
    events = ",".join(f"syscalls:sys_enter_{e}" for e in SYSCALLS)
    return subprocess.Popen(["timeout", str(int(seconds)), "perf", "stat", "-x", ",", "-e", events, "-p", str(pid),
                             "-o", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def finish_sends(proc, path):
    """Stops perf stat (SIGINT, by its PID) and returns {sendto: n, ...}, or {} when perf could not count."""
    stop(proc, signal.SIGINT, 10)
    counts = {}
    try:
        with open(path) as f:
            for line in f:
                parts = line.strip().split(",")
                if len(parts) > 2 and parts[2].startswith("syscalls:sys_enter_") and parts[0].isdigit():
                    counts[parts[2][len("syscalls:sys_enter_"):]] = int(parts[0])
    except OSError:
        pass
    return counts


def relayed_metric(ip, http_port):
    """media_relay_packets_total (rtp + rtcp) of our relay, or None."""
    try:
        with urllib.request.urlopen(f"http://{ip}:{http_port}/q/metrics", timeout=5) as r:
            text = r.read().decode()
    except (urllib.error.URLError, OSError):
        return None
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("media_relay_packets_total{"))


def rtpengine_command(cpu, ip, ng_port):
    """rtp_bench.py's rtpengine: userspace forwarding only, one worker thread."""
    return ["taskset", "-c", cpu, "rtpengine", "--config-file=none", "-f", "-E", "-L", "4", "--table=-1", "-i", ip,
            "-n", f"{ip}:{ng_port}", "-m", "30000", "-M", "50000", "--num-threads=1", "-o", "60", "-d", "0"]


def relay_command(cpu, jvm, ip, grpc_port, http_port, app):
    """The relay pinned to {cpu}, media, gRPC and HTTP on {ip}, a port range for thousands of calls."""
    return ["taskset", "-c", cpu, "java", *jvm.split(),
            f"-Dmedia.bind-address={ip}", f"-Dmedia.advertised-address={ip}",
            "-Dmedia.port-min=30000", "-Dmedia.port-max=50000", "-Dmedia.quarantine=1s",
            f"-Dquarkus.grpc.server.host={ip}", f"-Dquarkus.grpc.server.port={grpc_port}",
            f"-Dquarkus.http.host={ip}", f"-Dquarkus.http.port={http_port}",
            "-Dquarkus.log.level=WARN", "-Dquarkus.log.category.\"io.sipplatform\".level=INFO",
            "-jar", app]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ip", default="127.0.0.73", help="relay media, gRPC and HTTP address")
    ap.add_argument("--grpc-port", type=int, default=9013)
    ap.add_argument("--http-port", type=int, default=8093)
    ap.add_argument("--calls", default="250,500,750,1000,1250,1500")
    ap.add_argument("--duration", type=float, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rtp-cpu", default="1")
    ap.add_argument("--gen-cpu", default="0")
    ap.add_argument("--nice", type=int, default=-10)
    ap.add_argument("--max-loss", type=float, default=0.01, help="percent")
    ap.add_argument("--max-p99-us", type=float, default=20000)
    ap.add_argument("--jvm", default="-Xms256m -Xmx512m", help="JVM options of the relay")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--app", default=os.path.join(ROOT, "media-relay-service", "target", "quarkus-app",
                                                  "quarkus-run.jar"), help="the relay's quarkus-run.jar")
    ap.add_argument("--warmup-calls", type=int, default=500,
                    help="unrecorded steps after start so that the JIT has compiled the control and packet paths "
                         "(a long-running relay's state); 0: none")
    ap.add_argument("--warmup-rounds", type=int, default=4)
    ap.add_argument("--warmup-duration", type=float, default=3)
    ap.add_argument("--label", default=None, help="suffix of the result directory (default: the engine)")
    ap.add_argument("--engine", choices=["media-relay", "rtpengine"], default="media-relay")
    a = ap.parse_args()
    engine = a.engine == "rtpengine"
    if engine:
        a.ip, a.grpc_port, a.warmup_calls = "127.0.0.70" if a.ip == "127.0.0.73" else a.ip, 2223, 0
    a.label = a.label or a.engine
    app = a.app
    if not engine and not os.path.exists(app):
        sys.exit(f"{app} missing: ./mvnw package -pl media-relay-service -DskipTests")
    if not a.ip.startswith("127."):
        sys.exit("loopback only")
    if not udp_free(a.ip, a.grpc_port):
        sys.exit(f"{a.ip}:{a.grpc_port} in use")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    outdir = os.path.abspath(os.path.join(a.out, f"{stamp}-{a.label}"))
    os.makedirs(outdir, exist_ok=True)
    steps = [int(x) for x in a.calls.split(",")]
    results, results_lat = [], []
    jl = open(os.path.join(outdir, "runs.jsonl"), "w")
    for rep in range(1, a.repeat + 1):
        logf = open(os.path.join(outdir, f"relay-rep{rep}.log"), "w")
        cmd = (rtpengine_command(a.rtp_cpu, a.ip, a.grpc_port) if engine
               else relay_command(a.rtp_cpu, a.jvm, a.ip, a.grpc_port, a.http_port, app))
        relay = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                 preexec_fn=lambda: os.setpriority(os.PRIO_PROCESS, 0, a.nice))
        try:
            if engine:
                time.sleep(1.5)  # as rtp_bench.py
                transport = "userspace"
            else:
                if not wait_ready(f"http://{a.ip}:{a.http_port}/q/health/ready", relay, 90):
                    sys.exit(f"relay not ready, see {logf.name}")
                with urllib.request.urlopen(f"http://{a.ip}:{a.http_port}/q/health/ready", timeout=2) as r:
                    health = json.loads(r.read())
                transport = next((c["data"].get("transport") for c in health["checks"]
                                  if c["name"] == "media-relay"), None)
            for _ in range(a.warmup_rounds if a.warmup_calls > 0 else 0):
                subprocess.run(["taskset", "-c", a.gen_cpu, sys.executable, os.path.join(HERE, "relay_load.py"),
                                "--ng", f"{a.ip}:{a.grpc_port}", "--calls", str(a.warmup_calls),
                                "--duration", str(a.warmup_duration)],
                               capture_output=True, text=True, timeout=a.warmup_duration + 180)
                time.sleep(2)
            best, best_lat = None, None
            for n in steps:
                sends_file = os.path.join(outdir, f"sends-rep{rep}-{n}.csv")
                sends = count_sends(relay.pid, a.duration + 240, sends_file)
                m0 = None if engine else relayed_metric(a.ip, a.http_port)
                c0, j0, t0 = tree_cpu(relay.pid), jit_cpu(relay.pid), time.time()
                load = os.path.join(REFERENCE, "rtp_load.py") if engine else os.path.join(HERE, "relay_load.py")
                g = subprocess.run(["taskset", "-c", a.gen_cpu, sys.executable, load,
                                    "--ng", f"{a.ip}:{a.grpc_port}", "--calls", str(n),
                                    "--duration", str(a.duration)],
                                   capture_output=True, text=True, timeout=a.duration + 180,
                                   preexec_fn=lambda: os.setpriority(os.PRIO_PROCESS, 0, a.nice))
                c1, j1, t1 = tree_cpu(relay.pid), jit_cpu(relay.pid), time.time()
                m1 = None if engine else relayed_metric(a.ip, a.http_port)
                sent_calls = finish_sends(sends, sends_file)
                try:
                    r = json.loads(g.stdout.strip().splitlines()[-1])
                except (ValueError, IndexError):
                    r = {"error": g.stderr[-2000:]}
                r["rep"] = rep
                r["transport"] = transport
                r["relay_cpu_s"] = round(c1 - c0, 2)
                r["relay_jit_cpu_s"] = round(j1 - j0, 2)   # included in relay_cpu_s
                r["relay_send_syscalls"] = sent_calls  # whole step; despite the name, receive and epoll_wait calls too
                r["relay_packets_metric"] = None if m0 is None or m1 is None else int(m1 - m0)
                r["loadavg"] = [round(x, 2) for x in os.getloadavg()]
                r["relay_cores"] = round((c1 - c0) / (t1 - t0), 3)   # incl. setup/teardown, like the reference
                r["time"] = time.strftime("%Y-%m-%dT%H:%M:%S")
                ok = r.get("loss_pct") is not None and r["loss_pct"] < a.max_loss and r.get("late_slices", 1e9) < 50
                r["pass_loss"] = ok
                r["pass_loss_and_latency"] = bool(ok and (r.get("latency_us", {}).get("p99") or 1e12) < a.max_p99_us)
                if r["pass_loss_and_latency"]:
                    best_lat = r
                jl.write(json.dumps(r) + "\n")
                jl.flush()
                print(f"rep {rep} calls {n:5d} streams {2 * n:5d} pps {r.get('offered_pps')} loss {r.get('loss_pct')}% "
                      f"relay {r['relay_cores']} cores ({transport})  latency p50/p99 "
                      f"{r.get('latency_us', {}).get('p50')}/{r.get('latency_us', {}).get('p99')} us  "
                      f"gen-late-slices {r.get('late_slices')}  {'PASS' if ok else 'FAIL'}", flush=True)
                if ok:
                    best = r
                else:
                    break
                time.sleep(2)
            results.append(best)
            results_lat.append(best_lat)
        finally:
            stop(relay)
            logf.close()
    jl.close()
    ok = [r for r in results if r]
    okl = [r for r in results_lat if r]
    summ = {"date": time.strftime("%Y-%m-%d"), "cmd": " ".join(sys.argv), "repeats": a.repeat,
            "max_streams_passing": [r["streams"] for r in ok],
            "median_max_streams": statistics.median([r["streams"] for r in ok]) if ok else None,
            "relay_cores_at_max": [r["relay_cores"] for r in ok],
            "max_streams_loss_and_p99": [r["streams"] for r in okl],
            "median_max_streams_loss_and_p99": statistics.median([r["streams"] for r in okl]) if okl else None}
    json.dump(summ, open(os.path.join(outdir, "summary.json"), "w"), indent=1)
    print(json.dumps(summ))


if __name__ == "__main__":
    main()
