#!/usr/bin/env python3
"""Platform vs Kamailio REGISTER (digest) table from every anchor search in a results dir, round by round.

For each search (one results/<time>-<label>/ dir) the max passing rate is the highest passing step; its run gives
the CPU per 1 000 registrations (the whole target tree, and for the platform per JVM). Rounds pair the n-th
platform search with the n-th Kamailio search (the script runs them back to back).

Usage: report.py <results dir>"""
import glob
import json
import os
import statistics
import sys


def searches(out, label):
    res = []
    for d in sorted(glob.glob(os.path.join(out, f"*-{label}"))):
        f = os.path.join(d, "runs.jsonl")
        if not os.path.exists(f):
            continue
        with open(f) as fh:
            runs = [json.loads(ln) for ln in fh if ln.strip()]
        if not runs:
            continue
        ok = [r for r in runs if r.get("pass")]
        best = max(ok, key=lambda r: r["rate_target"]) if ok else None
        failed = sorted(r["rate_target"] for r in runs if not r.get("pass"))
        above = [x for x in failed if best is None or x > best["rate_target"]]
        res.append({"dir": os.path.basename(d), "best": best, "first_fail": above[0] if above else None,
                    "load": runs[0]["cpu"].get("loadavg_before"), "runs": runs,
                    "other": max((r.get("other_cores") or 0) for r in runs),
                    "steal": max(r["cpu"].get("system_steal_s", 0) / r["wall_s"] for r in runs if r.get("wall_s"))})
    return res


def fmt(x, nd=3):
    return "n/a" if x is None else (f"{x:.{nd}f}" if isinstance(x, float) else str(x))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
    ours = searches(out, "plat-reg-auth-ext")
    kam = searches(out, "kam-reg-auth")
    print("| round | 1-min load avg at the start, platform / Kamailio | platform REGISTER/s | Kamailio REGISTER/s | platform / Kamailio |"
          " platform CPU-s per 1 000 | Kamailio CPU-s per 1 000 | platform CPU per REGISTER vs Kamailio |"
          " max foreign load (cores) platform / Kamailio | max hypervisor steal (cores) platform / Kamailio |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---|")
    ratios, effs = [], []
    for i in range(max(len(ours), len(kam))):
        o = ours[i] if i < len(ours) else None
        k = kam[i] if i < len(kam) else None
        orate = o["best"]["rate_target"] if o and o["best"] else None
        krate = k["best"]["rate_target"] if k and k["best"] else None
        oc = o["best"]["target_cpu_s_per_1000"] if o and o["best"] else None
        kc = k["best"]["target_cpu_s_per_1000"] if k and k["best"] else None
        r = orate / krate if orate and krate else None
        e = oc / kc if oc and kc else None
        if r:
            ratios.append(r)
        if e:
            effs.append(e)
        ob = "" if not o or o["first_fail"] else " (no failing step: lower bound)"
        kb = "" if not k or k["first_fail"] else " (no failing step: lower bound)"
        load = [x["load"] for x in (o, k) if x and x["load"] is not None]
        print(f"| {i + 1} | {' / '.join(str(x) for x in load) or 'n/a'} | {fmt(orate)}{ob} |"
              f" {fmt(krate)}{kb} | {fmt(r, 3)} | {fmt(oc)} | {fmt(kc)} | {fmt(e, 1)}x |"
              f" {fmt(o['other'] if o else None, 2)} / {fmt(k['other'] if k else None, 2)} |"
              f" {fmt(o['steal'] if o else None, 2)} / {fmt(k['steal'] if k else None, 2)} |")
    if ratios:
        print(f"\nmedian platform/Kamailio rate {statistics.median(ratios):.3f} over {len(ratios)} rounds;"
              f" median CPU per REGISTER {statistics.median(effs):.1f}x Kamailio's" if effs else "")
    print("\nPlatform CPU-s per 1 000 REGISTERs per process, at each search's best passing step:\n")
    names = []
    for o in ours:
        for n in ((o["best"] or {}).get("cpu_per_process_s_per_1000") or {}):
            if n not in names:
                names.append(n)
    names.sort()
    print("| round | rate | " + " | ".join(names) + " | sum | of which JIT compiler threads |")
    print("|---|---:|" + "---:|" * (len(names) + 2))
    for i, o in enumerate(ours):
        b = o["best"] or {}
        per = b.get("cpu_per_process_s_per_1000") or {}
        print(f"| {i + 1} | {b.get('rate_target')} | " + " | ".join(fmt(per.get(n), 4) for n in names)
              + f" | {fmt(sum(per.values()), 4) if per else 'n/a'} |"
              + f" {fmt(b['cpu_jit_s'] / b['successful'] * 1000, 4) if b.get('cpu_jit_s') is not None else 'n/a'} |")
    print("\nEvery step (rate: pass, failed %, retransmitted %, target CPU-s/1000, foreign cores, steal cores):")
    for lbl, ss in (("platform", ours), ("kamailio", kam)):
        for s in ss:
            steps = ", ".join(f"{r['rate_target']:g}:{'P' if r['pass'] else 'F'}"
                              f" {100 * r['fail_ratio']:.2f}%/{100 * r['retrans_ratio']:.2f}%"
                              f" {r['target_cpu_s_per_1000']} {r.get('other_cores')}"
                              f" {round(r['cpu'].get('system_steal_s', 0) / r['wall_s'], 2) if r.get('wall_s') else None}"
                              for r in s["runs"])
            print(f"- {lbl} {s['dir']}: {steps}")


if __name__ == "__main__":
    main()
