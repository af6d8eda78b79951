#!/usr/bin/env python3
"""Side-by-side table of all rtpengine and media-relay-service runs in a results directory.

For every ladder step of both runs (medians over repetitions): relayed packets per second, loss, relay CPU (cores,
incl. session setup and teardown), packets relayed per CPU-second (counted packets / relay CPU seconds of the step,
so setup and the uncounted warm-up seconds weigh on it for both), latency p50/p99 (generator -> relay -> generator), and the ratio of
packets per CPU-second (media-relay / rtpengine). A ratio above 1 means the relay needs less CPU per packet.

usage: compare.py RESULTS_DIR [--relay-label media-relay]
"""
import argparse
import glob
import json
import os


def load(results, suffix):
    runs = sorted(glob.glob(os.path.join(results, f"*-{suffix}", "runs.jsonl")))
    if not runs:
        raise SystemExit(f"no *-{suffix} run in {results}")
    rows = []
    for run in runs:
        with open(run) as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return runs, rows


def per_step(rows, cores_key, cpu_key):
    out = {}
    for r in rows:
        if "received" not in r:
            continue
        pps = r["received"] / r["duration_s"]
        cpu = r[cpu_key]
        out.setdefault(r["calls"], []).append({
            "pps": pps, "loss": r["loss_pct"], "cores": r[cores_key],
            "per_cpu_s": r["received"] / cpu if cpu else None,  # counted packets per CPU-second of the relay
            "p50": r["latency_us"]["p50"], "p99": r["latency_us"]["p99"]})
    return out


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    return xs[len(xs) // 2] if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results")
    ap.add_argument("--relay-label", default="media-relay")
    a = ap.parse_args()
    ref_files, ref = load(a.results, "rtpengine")
    our_files, ours = load(a.results, a.relay_label)
    print(f"reference: {len(ref_files)} runs, {len(ref)} steps; relay: {len(our_files)} runs, {len(ours)} steps\n")
    r = per_step(ref, "rtpengine_cores", "rtpengine_cpu_s")
    o = per_step(ours, "relay_cores", "relay_cpu_s")
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


if __name__ == "__main__":
    main()
