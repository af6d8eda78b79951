#!/usr/bin/env python3
"""The rtpengine reference generator (rtp_load.py) driving media-relay-service instead of rtpengine.

Imports rtp_load.py from the shared reference directory unchanged and swaps only its control channel: the ng
client (bencode over UDP) becomes RelayControl.java, a gRPC client of sipplatform.media.v1.MediaRelay fed over a
pipe. Media pacing, packet format, counting and latency sampling are the reference's own code, so both relays are
measured by the same generator.

usage: relay_load.py --ng 127.0.0.1:9013 --calls N [rtp_load.py options]
    (--ng names the relay's gRPC address here)
Environment: RTP_REFERENCE_DIR (default /work/shared/bench/rtpengine/rtp), RELAY_CLASSPATH (the relay's
quarkus-app lib/main and app jars).
"""
import base64
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
REFERENCE = os.environ.get("RTP_REFERENCE_DIR", "/work/shared/bench/rtpengine/rtp")
APP = os.path.join(ROOT, "media-relay-service", "target", "quarkus-app")
CLASSPATH = os.environ.get("RELAY_CLASSPATH",
                           os.path.join(APP, "lib", "main", "*") + os.pathsep + os.path.join(APP, "app", "*"))

sys.path.insert(0, REFERENCE)
import rtp_load  # noqa: E402  (the reference generator)


_controls = []


class RelayControl:
    """Same interface as rtp_load.NG: cmd(dict) returns a dict with 'sdp' (bytes) or raises."""

    def __init__(self, addr, local_ip):
        target = f"{addr[0]}:{addr[1]}"
        rtp_load.loopback(addr[0])
        self.proc = subprocess.Popen(["java", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", CLASSPATH,
                                      os.path.join(HERE, "RelayControl.java"), target],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        _controls.append(self)

    def close(self):
        self.proc.stdin.close()  # end of input ends RelayControl
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def _call(self, *fields):
        self.proc.stdin.write("\t".join(fields) + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline().rstrip("\n").split("\t")
        if reply[0] != "ok":
            raise RuntimeError(f"relay {fields[0]}: {reply}")
        return reply

    def cmd(self, d):
        c = d["command"]
        if c == "offer":
            r = self._call("offer", d["call-id"], d["from-tag"], base64.b64encode(d["sdp"].encode()).decode())
            return {"result": b"ok", "sdp": base64.b64decode(r[1])}
        if c == "answer":
            r = self._call("answer", d["call-id"], d["from-tag"], d["to-tag"],
                           base64.b64encode(d["sdp"].encode()).decode())
            return {"result": b"ok", "sdp": base64.b64decode(r[1])}
        if c == "delete":
            self._call("delete", d["call-id"])
            return {"result": b"ok"}
        raise ValueError(f"unsupported command {c}")


if __name__ == "__main__":
    rtp_load.NG = RelayControl
    try:
        rtp_load.main()
    finally:
        for control in _controls:
            control.close()
