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
        out.setdefault(r["calls"], []).append({
            "run": r["run"], "pps": pps, "loss": r["loss_pct"], "cores": r[cores_key],
            "per_cpu_s": r["received"] / cpu if cpu else None,  # counted packets per CPU-second of the relay
            "per_cpu_s_nojit": r["received"] / (cpu - jit) if cpu and cpu > jit else None,
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
        print(f"\n{calls} calls, per repetition (packets per CPU-second; late = generator slices > 20 ms late; "
              "load = 1-min load average at the step's end):\n")
        head = "| rep | rtpengine | late | relay | relay w/o JIT | late | load | ratio | ratio w/o JIT |"
        if b:
            head += " before | before w/o JIT | after / before |"
        print(head)
        print("|" + "---|" * (head.count("|") - 1))
        rr, oo, bb = r[calls], o[calls], b.get(calls, [])
        ratios, ratios_nojit, gains = [], [], []
        for i in range(max(len(rr), len(oo))):
            x = rr[i] if i < len(rr) else {}
            y = oo[i] if i < len(oo) else {}
            q = x.get("per_cpu_s"), y.get("per_cpu_s"), y.get("per_cpu_s_nojit")
            ratio = q[1] / q[0] if q[0] and q[1] else None
            ratio_nojit = q[2] / q[0] if q[0] and q[2] else None
            ratios.append(ratio)
            ratios_nojit.append(ratio_nojit)
            line = (f"| {i + 1} | {fmt(q[0])} | {x.get('late')} | {fmt(q[1])} | {fmt(q[2])} | {y.get('late')} "
                    f"| {y.get('load')} | {fmt(ratio, '.2f')} | {fmt(ratio_nojit, '.2f')} |")
            if b:
                z = bb[i] if i < len(bb) else {}
                gain = q[1] / z["per_cpu_s"] if q[1] and z.get("per_cpu_s") else None
                gains.append(gain)
                line += f" {fmt(z.get('per_cpu_s'))} | {fmt(z.get('per_cpu_s_nojit'))} | {fmt(gain, '.2f')} |"
            print(line)
        line = f"| median | | | | | | | {fmt(median(ratios), '.2f')} | {fmt(median(ratios_nojit), '.2f')} |"
        if b:
            line += f" | | {fmt(median(gains), '.2f')} |"
        print(line)


if __name__ == "__main__":
    main()
