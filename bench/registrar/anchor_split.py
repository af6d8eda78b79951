#!/usr/bin/env python3
"""anchor_bench.py (the shared anchor bench) with the target's CPU split per process.

Runs the anchor's main() unchanged, with the same arguments, and adds to every run in runs.jsonl
"cpu_per_process": {name: CPU seconds} and "cpu_per_process_s_per_1000": {name: CPU-s per 1 000 successful
registrations or calls}, over the same window the anchor uses for target_s (its two snapshots of the target's process
tree, taken right before the SIPp UAC starts and right after it ends). A JVM of the platform is named after its
module (the quarkus-run.jar path) and, for replicated services, its node name; other processes by their comm.

usage: ANCHOR=<dir with anchor_bench.py> anchor_split.py <anchor_bench.py arguments>
"""
import os
import re
import signal
import sys

sys.path.insert(0, os.environ.get("ANCHOR", os.path.join(os.path.dirname(__file__), "../../../shared/bench/kamailio")))
import anchor_bench as ab  # noqa: E402

_snapshots = []


def _name(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().decode(errors="replace").split("\0")
    except OSError:
        return None
    jar = next((x for x in args if x.endswith("quarkus-run.jar")), None)
    if jar:
        m = re.search(r"([\w.-]+)/target/quarkus-app/quarkus-run\.jar$", jar)
        name = m.group(1) if m else jar
        node = next((x.split("=", 1)[1] for x in args if x.startswith("-Dregistrar.cluster.node-name=")), None)
        handoff = next((x.split("=", 1)[1] for x in args if x.startswith("-Dedge.cluster.handoff-port=")), None)
        if node:
            name += "#" + node.rsplit("-", 1)[-1]
        elif handoff and name == "edge-proxy":
            name += "@" + handoff
        return name
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return None


def jit_ticks(pid):
    """CPU ticks of the JVM's JIT compiler threads (C1/C2 CompilerThreadN)"""
    t = 0
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                st = f.read()
        except OSError:
            continue
        if "CompilerThre" in st[st.index("(") + 1:st.rindex(")")]:
            rest = st[st.rindex(")") + 2:].split()
            t += int(rest[11]) + int(rest[12])
    return t


def _per_process(root):
    out = {}
    for p in ab.tree_pids(root):
        try:
            f = ab._stat_fields(p)
            ticks = int(f[11]) + int(f[12])
        except (OSError, ValueError, IndexError):
            continue
        out[(p, _name(p) or str(p))] = ticks
        out[(p, "jit")] = out.get((p, "jit"), 0) + jit_ticks(p)
    return out


_tree_cpu = ab.tree_cpu
_one_run = ab.one_run


def tree_cpu(root):
    if root and root == getattr(ab.a_global, "target_pid", None):
        _snapshots.append(_per_process(root))
    return _tree_cpu(root)


def one_run(a, rate, workdir):
    _snapshots.clear()
    res = _one_run(a, rate, workdir)
    if len(_snapshots) >= 2:
        s0, s1 = _snapshots[0], _snapshots[-1]
        per = {}
        jit = 0.0
        for (pid, name), t1 in s1.items():
            d = (t1 - s0.get((pid, name), 0)) / ab.CLK
            if name == "jit":
                jit += d
            elif d > 0 or name.endswith("service") or "#" in name or name.startswith("edge"):
                per[name] = round(per.get(name, 0) + d, 3)
        # JIT compiler threads' share of the target's CPU (included in target_s and in cpu_per_process)
        res["cpu_jit_s"] = round(jit, 3)
        res["cpu_per_process"] = dict(sorted(per.items(), key=lambda kv: -kv[1]))
        ok = res.get("successful") or 0
        res["cpu_per_process_s_per_1000"] = {k: round(v / ok * 1000, 4) for k, v in per.items()} if ok else {}
    return res


ab.tree_cpu = tree_cpu
ab.one_run = one_run

if __name__ == "__main__":
    signal.signal(signal.SIGTERM, ab._sigterm)
    ab.main()
