#!/usr/bin/env python3
"""Added latency of rtpengine (reference, userspace, 1 thread) and media-relay-service, one after the other in one
run: each relay pinned to CPU --rtp-cpu, latency_probe.py pinned to CPU --gen-cpu, --rounds alternating rounds.
Prints one JSON line per probe; the relay is probed twice per round, cold (the JIT still compiling) and warm. Stops each relay by its PID. Loopback only.

With --realtime the threads that move packets (rtpengine's, the relay's Vert.x event loops) and the probe run under
SCHED_FIFO priority 10 (chrt), the same for both relays: on a machine shared with other builds the p99 otherwise
measures how long the other tenants keep CPU 1 busy, not the relay. The kernel's RT throttling (95 % by default)
bounds what the FIFO threads can take; neither relay busy-polls.

usage: run_latency.py [--packets 4000] [--rounds 2] [--realtime]
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import relay_bench  # noqa: E402


def realtime(pid, thread_prefix):
    """SCHED_FIFO 10 for the threads of {pid} whose name starts with {thread_prefix} ('' = all); their count."""
    n = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue
        if name.startswith(thread_prefix):
            subprocess.run(["chrt", "-f", "-p", "10", tid], check=True, capture_output=True, timeout=10)
            n += 1
    return n


def probe(kind, addr, a):
    rt = ["chrt", "-f", "10"] if a.realtime else []
    r = subprocess.run([*rt, "taskset", "-c", a.gen_cpu, sys.executable, os.path.join(HERE, "latency_probe.py"),
                        "--relay", kind, "--addr", addr, "--packets", str(a.packets)],
                       capture_output=True, text=True, timeout=a.packets * 2 + 120,
                       preexec_fn=lambda: os.setpriority(os.PRIO_PROCESS, 0, a.nice))
    line = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr[-1000:]
    print(line[:-1] + f', "realtime": {str(a.realtime).lower()}, "loadavg": {list(os.getloadavg())}}}'
          if line.endswith("}") else line, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--packets", type=int, default=4000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--rtp-cpu", default="1")
    ap.add_argument("--gen-cpu", default="0")
    ap.add_argument("--nice", type=int, default=-10)
    ap.add_argument("--realtime", action="store_true", help="packet threads and probe at SCHED_FIFO 10")
    ap.add_argument("--app", default=os.path.join(relay_bench.ROOT, "media-relay-service", "target", "quarkus-app",
                                                  "quarkus-run.jar"))
    a = ap.parse_args()
    nice = lambda: os.setpriority(os.PRIO_PROCESS, 0, a.nice)  # noqa: E731
    for _ in range(a.rounds):
        engine = subprocess.Popen(relay_bench.rtpengine_command(a.rtp_cpu, "127.0.0.70", 2223),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=nice)
        try:
            time.sleep(1.5)
            if a.realtime:
                realtime(engine.pid, "")
            probe("rtpengine", "127.0.0.70:2223", a)
        finally:
            relay_bench.stop(engine)
        relay = subprocess.Popen(relay_bench.relay_command(a.rtp_cpu, "-Xms256m -Xmx512m", "127.0.0.73", 9013, 8093,
                                                           a.app),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=nice)
        try:
            if not relay_bench.wait_ready("http://127.0.0.73:8093/q/health/ready", relay, 90):
                sys.exit("relay not ready")
            if a.realtime and realtime(relay.pid, "vert.x-eventloo") == 0:
                sys.exit("no event-loop thread found to make realtime")
            probe("media-relay", "127.0.0.73:9013", a)  # cold: the JIT compiles the packet path meanwhile
            probe("media-relay", "127.0.0.73:9013", a)  # warm, as a relay that has run for a while
        finally:
            relay_bench.stop(relay)


if __name__ == "__main__":
    main()
