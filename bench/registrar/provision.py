#!/usr/bin/env python3
"""Provisions the anchor bench's REGISTER users as digest accounts through routing-service's admin REST API.

Reads the anchor's users CSV (gen-users.py: "SEQUENTIAL", then user;password;callee per line) and creates one
customer ("bench") with registration trunks of --per-trunk accounts each (bench-0000, bench-0001, ...). With
--aor-domain D each trunk lists its accounts' AORs sip:<user>@D (without it, an account may register only
sip:<user>@<realm>). One POST per trunk: every admin write reloads routing's whole snapshot, so 10 000 one-account
trunks would cost 10 000 reloads of a growing snapshot (O(n^2)); 1 000 trunks of 10 took 130 s here, 100 of 100
14 s. GetCredentials returns the trunk's whole AOR list, so fewer, larger trunks make every REGISTER costlier. Existing trunks are replaced (PUT), so a second run is idempotent.

usage: provision.py --api http://127.0.0.1:11082/admin/v1 --token T --csv users.csv [--per-trunk 20] [--aor-domain 127.0.0.65] [--deadline 300]
"""
import argparse
import json
import sys
import time
import urllib.error
import urllib.request


def call(api, token, method, path, body=None, timeout=60):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{api}/{path}", data=data, method=method,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as e:
        if e.code not in (409,):
            print(f"{method} {path}: HTTP {e.code} {e.read()[:300]!r}", file=sys.stderr)
        return e.code


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--api", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--per-trunk", type=int, default=100)
    ap.add_argument("--aor-domain", help="list sip:<user>@<this> as the trunk's AORs (the SIP domain is not the realm)")
    ap.add_argument("--deadline", type=float, default=300, help="give up after this many seconds")
    a = ap.parse_args()
    users = []
    with open(a.csv) as f:
        for ln in f:
            parts = ln.strip().split(";")
            if len(parts) >= 2 and parts[0] != "SEQUENTIAL":
                users.append((parts[0], parts[1]))
    t0 = time.time()
    st = call(a.api, a.token, "POST", "customers", {"id": "bench", "name": "REGISTER benchmark"})
    if st not in (201, 409):
        sys.exit(f"customer: HTTP {st}")
    trunks = 0
    for i in range(0, len(users), a.per_trunk):
        if time.time() - t0 > a.deadline:
            sys.exit(f"provisioning exceeded {a.deadline} s after {trunks} trunks")
        tid = f"bench-{i // a.per_trunk:04d}"
        chunk = users[i:i + a.per_trunk]
        auth = {"type": "digest", "accounts": [{"username": u, "password": p} for u, p in chunk]}
        if a.aor_domain:
            auth["aors"] = [f"sip:{u}@{a.aor_domain}" for u, _ in chunk]
        body = {"id": tid, "customerId": "bench", "name": f"bench accounts {i}..", "auth": auth,
                "numberPlan": {"countryCode": "1", "nationalPrefix": "1", "internationalPrefix": "011"}}
        st = call(a.api, a.token, "POST", "trunks", body)
        if st == 409:
            st = call(a.api, a.token, "PUT", f"trunks/{tid}", body)
        if st not in (200, 201, 204):
            sys.exit(f"trunk {tid}: HTTP {st}")
        trunks += 1
    print(json.dumps({"accounts": len(users), "trunks": trunks, "per_trunk": a.per_trunk,
                      "seconds": round(time.time() - t0, 2)}))


if __name__ == "__main__":
    main()
