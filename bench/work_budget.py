#!/usr/bin/env python3
"""Work estimates (src/query/budget.cpp) against measured CPU time (not a unit test).

    bench/work_budget.py [--bin build/rostrum] [--db STORE] [--repeat 3]

Without --db it imports ../shared/data/unga/unvotes-0.3.0 into a temporary store.
For each query it asks a server started with --max-work 1e-9 (so every costly
request is refused with its estimate, before any work), then runs the same query
with the command line and measures its CPU time (user + system, the median of
--repeat runs) minus that of a trivial query (loading the store and the vote
matrix). Prints estimate, measurement and their ratio: the per-step costs in
budget.hpp are right when the ratios sit near 1 across kinds of query.
"""
import argparse
import http.client
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

QUERIES = [
    ("agree", {"a": "USA", "b": "RUS", "by": "session", "ci": "0.95", "boot": "10000"}),
    ("agree", {"a": "USA", "b": "all", "by": "session", "ci": "0.95", "boot": "200"}),
    ("agree", {"a": "all", "b": "all", "by": "year"}),
    ("cohesion", {"group": "G7", "null": "2000"}),
    ("cohesion", {"group": "G77", "null": "200", "by": "year"}),
    ("blocs", {"session": "74", "runs": "200"}),
    ("blocs", {"by": "session", "from": "2000", "runs": "20"}),
    ("blocs", {"session": "74", "scan": "1", "gamma-step": "0.02"}),
    ("poles", {"poles": "G7,CRINK", "by": "year"}),
    ("shifts", {"a": "RUS", "b": "USA"}),
]
FLAGS = {"scan"}  # boolean flags on the command line


def cpu_of(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--db", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    binary = args.bin or next((os.path.join(REPO, d, "rostrum") for d in ("build", "build-release")
                               if os.access(os.path.join(REPO, d, "rostrum"), os.X_OK)), None)
    if not binary:
        sys.exit("rostrum binary not found (use --bin)")
    tmp = tempfile.mkdtemp()
    db = args.db
    if not db:
        db = os.path.join(tmp, "bench.db")
        subprocess.run([binary, "--db", db, "import", os.path.join(REPO, "..", "shared", "data", "unga", "unvotes-0.3.0")],
                       check=True, stdout=subprocess.DEVNULL)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    server = subprocess.Popen([binary, "--db", db, "serve", "--port", str(port), "--max-work", "1e-9"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                c.request("GET", "/api/health")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        base = statistics.median(cpu_of([binary, "--db", db, "--format", "csv", "agree", "--a", "USA", "--b", "RUS"])
                                 for _ in range(args.repeat))
        print(f"baseline (load the store and matrix): {base:.2f} CPU-s\n")
        print("| query | work (steps) | estimate s | measured CPU s | measured / estimate |")
        print("|---|---|---|---|---|")
        for command, params in QUERIES:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            c.request("GET", f"/api/{command}?" + urllib.parse.urlencode(params))
            r = c.getresponse()
            body = json.loads(r.read())
            if r.status != 422:
                print(f"| {command} {params} | (answered {r.status}, no estimate) | | | |")
                continue
            cmd = [binary, "--db", db, "--format", "csv", command]
            for k, v in params.items():
                cmd += [f"--{k}"] if k in FLAGS else [f"--{k}", v]
            measured = statistics.median(cpu_of(cmd) for _ in range(args.repeat)) - base
            label = command + " " + " ".join(f"{k}={v}" for k, v in params.items())
            print(f"| `{label}` | {body['work']} | {body['estimate_s']:.2f} | {measured:.2f} | "
                  f"{measured / body['estimate_s']:.2f} |")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
