#!/usr/bin/env python3
"""Side-by-side table of all rtpengine and media-relay-service runs in a results directory.

For every ladder step of both runs (medians over repetitions): relayed packets per second, loss, relay CPU (cores,
incl. session setup and teardown), packets relayed per CPU-second (counted packets / relay CPU seconds of the step,
so setup and the uncounted warm-up seconds weigh on it for both), latency p50/p99 (generator -> relay -> generator), and the ratio of
packets per CPU-second (media-relay / rtpengine). A ratio above 1 means the relay needs less CPU per packet.
Then one row per repetition (ratios of neighbours in time, which met about the same background load), the same
figure without the JVM's JIT compiler threads (a warm-up cost that a long-running relay no longer pays), and, with
--before-label, the other build's figures from the same run.

usage: compare.py RESULTS_DIR [--relay-label media-relay] [--before-label media-relay-before]
"""
import argparse
import glob
import json
import os


def load(results, suffix, required=True):
    runs = sorted(glob.glob(os.path.join(results, f"*-{suffix}", "runs.jsonl")))
    if not runs and required:
        raise SystemExit(f"no *-{suffix} run in {results}")
    rows = []
    for run in runs:
        with open(run) as f:
            rows.extend(dict(json.loads(line), run=os.path.basename(os.path.dirname(run)))
                        for line in f if line.strip())
    return runs, rows


def per_step(rows, cores_key, cpu_key):
    out = {}
    for r in rows:
        if "received" not in r:
            continue
        pps = r["received"] / r["duration_s"]
        cpu = r[cpu_key]
        jit = r.get("relay_jit_cpu_s", 0)
        sends = r.get("relay_send_syscalls") or {}
        # relay-side count: the relay's own counter where it has one, else its sendto calls (one per relayed packet;
        # rtpengine answers ng over sendmsg, which is left out) plus sendmmsg calls (once each: undercounts)
        relayed = r.get("relay_packets_metric") or (sends.get("sendto", 0) + sends.get("sendmmsg", 0) or None)
        out.setdefault(r["calls"], []).append({
            "run": r["run"], "pps": pps, "loss": r["loss_pct"], "cores": r[cores_key],
            "per_cpu_s": r["received"] / cpu if cpu else None,  # counted packets per CPU-second of the relay
            "per_cpu_s_nojit": r["received"] / (cpu - jit) if cpu and cpu > jit else None,
            "relayed_per_cpu_s": relayed / cpu if cpu and relayed else None,
            "relayed_per_cpu_s_nojit": relayed / (cpu - jit) if cpu and relayed and cpu > jit else None,
            "sendmmsg": sends.get("sendmmsg", 0),
            "recv_per_packet": (sends.get("recvfrom", 0) + sends.get("recvmsg", 0) + sends.get("recvmmsg", 0))
            / relayed if relayed and any(k.startswith("recv") for k in sends) else None,
            "epoll_per_packet": (sends.get("epoll_wait", 0) + sends.get("epoll_pwait", 0)) / relayed
            if relayed and any(k.startswith("epoll") for k in sends) else None,
            "late": r.get("late_slices"), "load": (r.get("loadavg") or [None])[0],
            "p50": r["latency_us"]["p50"], "p99": r["latency_us"]["p99"]})
    return out


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def fmt(x, spec=".0f"):
    return "-" if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results")
    ap.add_argument("--relay-label", default="media-relay")
    ap.add_argument("--before-label", default=None)
    a = ap.parse_args()
    ref_files, ref = load(a.results, "rtpengine")
    our_files, ours = load(a.results, a.relay_label)
    print(f"reference: {len(ref_files)} runs, {len(ref)} steps; relay: {len(our_files)} runs, {len(ours)} steps\n")
    for x in ref:  # rtp_bench.py (reference) or relay_bench.py --engine rtpengine
        x.setdefault("rtpengine_cpu_s", x.get("relay_cpu_s"))
        x.setdefault("rtpengine_cores", x.get("relay_cores"))
    r = per_step(ref, "rtpengine_cores", "rtpengine_cpu_s")
    o = per_step(ours, "relay_cores", "relay_cpu_s")
    b = per_step(load(a.results, a.before_label, False)[1], "relay_cores", "relay_cpu_s") if a.before_label else {}
    print("| calls | streams | samples | pkt/s relayed | loss % rtpengine / relay | cores rtpengine / relay "
          "| pkt per CPU-s rtpengine / relay | ratio | p50 us rtpengine / relay | p99 us rtpengine / relay |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for calls in sorted(set(r) & set(o)):
        def m(rows, key):
            return median([x[key] for x in rows])
        rp, op = m(r[calls], "per_cpu_s"), m(o[calls], "per_cpu_s")
        ratio = f"{op / rp:.2f}" if rp and op else "-"
        print(f"| {calls} | {2 * calls} | {len(r[calls])} / {len(o[calls])} | {m(o[calls], 'pps'):.0f} | {m(r[calls], 'loss')} / {m(o[calls], 'loss')} "
              f"| {m(r[calls], 'cores'):.3f} / {m(o[calls], 'cores'):.3f} | {rp:.0f} / {op:.0f} | {ratio} "
              f"| {m(r[calls], 'p50')} / {m(o[calls], 'p50')} | {m(r[calls], 'p99')} / {m(o[calls], 'p99')} |")
    for calls in sorted(set(r) & set(o)):
        print(f"\n{calls} calls, per repetition, RELAY-SIDE count (relayed packets per CPU-second: send system calls "
              "of the relay process, media_relay_packets_total for ours; the whole step, setup included; load = 1-min "
              "load average at the end of our step):\n")
        repetitions(r[calls], o[calls], b.get(calls, []), "relayed_per_cpu_s", bool(b))
    print("\nSystem calls per relayed packet (medians; receive calls include those that return EAGAIN, and on "
          "our side the control path's few; one send per packet for both):\n")
    print("| calls | relay | receive calls per packet | epoll_wait per packet |")
    print("|---|---|---|---|")
    for calls in sorted(set(r) & set(o)):
        for name, rows in (("rtpengine", r[calls]), ("media-relay", o[calls]), ("before", b.get(calls, []))):
            if rows:
                print(f"| {calls} | {name} | {fmt(median([x['recv_per_packet'] for x in rows]), '.2f')} "
                      f"| {fmt(median([x['epoll_per_packet'] for x in rows]), '.3f')} |")
    for calls in sorted(set(r) & set(o)):
        print(f"\n{calls} calls, per repetition, GENERATOR count (packets the generator received per CPU-second; "
              "late = generator slices > 20 ms late, rtpengine / ours):\n")
        repetitions(r[calls], o[calls], b.get(calls, []), "per_cpu_s", bool(b))


def repetitions(rr, oo, bb, key, before):
    """One row per repetition: neighbours in time, which met about the same background load; medians below."""
    head = "| rep | rtpengine | relay | relay w/o JIT | late | load | ratio | ratio w/o JIT |"
    if before:
        head += " before | after / before |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    ratios, ratios_nojit, gains = [], [], []
    for i in range(max(len(rr), len(oo))):
        x = rr[i] if i < len(rr) else {}
        y = oo[i] if i < len(oo) else {}
        q = x.get(key), y.get(key), y.get(key + "_nojit")
        ratios.append(q[1] / q[0] if q[0] and q[1] else None)
        ratios_nojit.append(q[2] / q[0] if q[0] and q[2] else None)
        line = (f"| {i + 1} | {fmt(q[0])} | {fmt(q[1])} | {fmt(q[2])} | {x.get('late')} / {y.get('late')} "
                f"| {y.get('load')} | {fmt(ratios[-1], '.2f')} | {fmt(ratios_nojit[-1], '.2f')} |")
        if before:
            z = bb[i] if i < len(bb) else {}
            gains.append(q[1] / z[key] if q[1] and z.get(key) else None)
            line += f" {fmt(z.get(key))} | {fmt(gains[-1], '.2f')} |"
        print(line)
    line = (f"| median | {fmt(median([x.get(key) for x in rr]))} | {fmt(median([y.get(key) for y in oo]))} "
            f"| {fmt(median([y.get(key + '_nojit') for y in oo]))} | | | {fmt(median(ratios), '.2f')} "
            f"| {fmt(median(ratios_nojit), '.2f')} |")
    if before:
        line += f" {fmt(median([z.get(key) for z in bb]))} | {fmt(median(gains), '.2f')} |"
    print(line)

if __name__ == "__main__":
    main()
