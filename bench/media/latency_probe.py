#!/usr/bin/env python3
"""Added one-way latency of a relay, packet by packet: one call set up through the relay (rtpengine over ng, or
media-relay-service over gRPC), then PACKETS 172-byte RTP packets, one in flight at a time, alternately sent straight
from the caller's socket to the callee's (the loopback baseline) and through the relay. The difference of the two
distributions is what the relay adds; the reference generator's latency also holds its own pacing delays.

usage: latency_probe.py --relay rtpengine --addr 127.0.0.70:2223 [--packets 4000]
       latency_probe.py --relay media-relay --addr 127.0.0.73:9013
Loopback only (127.0.0.74-75 for the two parties); bounded by --packets and a 1 s wait per packet.
Output: one JSON line with direct and relayed p50/p90/p99/p99.9 in microseconds and the p50/p99 differences.
"""
import argparse
import json
import os
import socket
import struct
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import relay_load  # noqa: E402  (puts the reference directory on the path)
import rtp_load  # noqa: E402


def percentile(xs, p):
    return round(xs[min(len(xs) - 1, int(p / 100.0 * len(xs)))], 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relay", choices=["rtpengine", "media-relay"], required=True)
    ap.add_argument("--addr", required=True, help="ng address (rtpengine) or gRPC address (media-relay)")
    ap.add_argument("--packets", type=int, default=4000)
    ap.add_argument("--caller-ip", default="127.0.0.74")
    ap.add_argument("--callee-ip", default="127.0.0.75")
    ap.add_argument("--port", type=int, default=21000)
    a = ap.parse_args()
    ip, port = a.addr.rsplit(":", 1)
    for x in (ip, a.caller_ip, a.callee_ip):
        rtp_load.loopback(x)
    control = (rtp_load.NG if a.relay == "rtpengine" else relay_load.RelayControl)((ip, int(port)), a.caller_ip)
    call_id = f"probe-{os.getpid()}"
    try:
        control.cmd({"command": "offer", "call-id": call_id, "from-tag": "ft",
                         "sdp": rtp_load.sdp(a.caller_ip, a.port, 1), "replace": ["origin"]})
        r = control.cmd({"command": "answer", "call-id": call_id, "from-tag": "ft", "to-tag": "tt",
                         "sdp": rtp_load.sdp(a.callee_ip, a.port, 1), "replace": ["origin"]})
        to_caller_side = rtp_load.media_addr(r["sdp"])  # where the caller sends
        caller = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        caller.bind((a.caller_ip, a.port))
        callee = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        callee.bind((a.callee_ip, a.port))
        callee.settimeout(1.0)
        pad = b"\xff" * 160
        direct, relayed = [], []
        lost = 0
        for q in range(a.packets):
            via_relay = q % 2 == 1
            pkt = struct.pack("!BBHII", 0x80, 0, q & 0xFFFF, q * 160 & 0xFFFFFFFF, 0x1234) + pad
            t0 = time.perf_counter_ns()
            caller.sendto(pkt, to_caller_side if via_relay else (a.callee_ip, a.port))
            try:
                while True:
                    data = callee.recv(2048)
                    if struct.unpack_from("!H", data, 2)[0] == q & 0xFFFF:
                        break
            except socket.timeout:
                lost += 1
                continue
            us = (time.perf_counter_ns() - t0) / 1000.0
            (relayed if via_relay else direct).append(us)
            time.sleep(0.002)
        control.cmd({"command": "delete", "call-id": call_id, "from-tag": "ft"})
    finally:
        if hasattr(control, "close"):
            control.close()
    direct.sort()
    relayed.sort()
    out = {"relay": a.relay, "samples": len(relayed), "lost": lost,
           "direct_us": {p: percentile(direct, float(p)) for p in ("50", "90", "99", "99.9")},
           "relayed_us": {p: percentile(relayed, float(p)) for p in ("50", "90", "99", "99.9")}}
    out["added_p50_us"] = round(out["relayed_us"]["50"] - out["direct_us"]["50"], 1)
    out["added_p99_us"] = round(out["relayed_us"]["99"] - out["direct_us"]["99"], 1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
