#!/usr/bin/env python3
"""Edge vs Kamailio table from the newest anchor-bench results of each label (median over the runs of that dir).

Usage: report.py <results dir>"""
import glob
import json
import os
import sys


def newest(out, label):
    dirs = sorted(glob.glob(os.path.join(out, f"*-{label}")))
    for d in reversed(dirs):
        f = os.path.join(d, "summary.json")
        if os.path.exists(f):
            with open(f) as fh:
                return json.load(fh), d
    return None, None


def med(s, key):
    v = (s or {}).get(key) or {}
    return v.get("median")


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "n/a"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
    rows = []
    for test, edge_label, kam_label in (("calls/s", "edge-calls-ext", "kamailio-calls"),
                                        ("REGISTER/s (digest)", "edge-register-auth-ext",
                                         "kamailio-register-auth")):
        e, ed = newest(out, edge_label)
        k, kd = newest(out, kam_label)
        rows.append((test, med(e, "rate"), med(k, "rate"), med(e, "target_cpu_s_per_1000"),
                     med(k, "target_cpu_s_per_1000"), med(e, "fail_pct"), med(k, "fail_pct"), ed, kd))
    print("| test | edge | kamailio | edge/kamailio | edge CPU-s per 1000 | kamailio CPU-s per 1000 |"
          " kamailio/edge efficiency | failed % edge / kamailio |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for t, er, kr, ec, kc, ef, kf, _, _ in rows:
        print(f"| {t} | {er} | {kr} | {ratio(er, kr)} | {ec} | {kc} | {ratio(kc, ec)} | {ef} / {kf} |")
    for t, *_, ed, kd in rows:
        print(f"\n{t}: edge results {ed}\n{' ' * len(t)}  kamailio results {kd}")


if __name__ == "__main__":
    main()
