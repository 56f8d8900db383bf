#!/usr/bin/env python3
"""Latency of `rostrum serve` on loopback while it is being abused (not a unit test).

    bench/hostile_load.py [--bin build/rostrum] [--db STORE] [--duration 15] [--clients 16]
                          [--slow 50] [--repeat 3]

Without --db it imports ../shared/data/unga/unvotes-0.3.0 into a temporary store.
Each round measures, for `--clients` clients on keep-alive connections (each in
its own process, so the clients do not share a Python lock) sending `--rate`
requests a second each (default 20: 320 a second in all; 0 = back to back, which
on a small machine measures the load generator's own CPU use as much as the server):

  cached    50 fixed pair queries, answered from the response cache
  uncached  a query never asked before each time (a pair of states, by year or
            session, from a first year), so every request runs the query

first on a quiet server, then while it is attacked by
  - `--slow` slowloris clients (from 127.0.0.2) sending one header byte a second
    and reconnecting whenever the server closes them, and
  - one expensive request kept running at all times (agree USA x all states by
    session with 1,000 bootstrap replicates: about 20 core-seconds, under the
    default --max-work of 30, so it runs in the expensive-query pool),
while a probe asks /api/health every 50 ms throughout. Prints p50/p99/max per
phase and the medians over `--repeat` rounds. The machine is shared and noisy:
compare phases of the same round, and quote medians.
"""
import argparse
import http.client
import json
import multiprocessing as mp
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def client(port, paths, duration, rate, out):
    """One client on one keep-alive connection, `rate` requests a second (0: back to
    back); latencies in ms, from sending a request to the end of its response."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    lat, errors = [], {}
    start = time.monotonic()
    end = start + duration
    i = 0
    while time.monotonic() < end:
        if rate > 0:
            due = start + i / rate
            if due > time.monotonic():
                time.sleep(due - time.monotonic())
        path = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            status = r.status
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        except Exception as e:  # noqa: BLE001 - counted, then reconnect
            status = type(e).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        lat.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            errors[str(status)] = errors.get(str(status), 0) + 1
    out.put((lat, errors))


def run_clients(port, path_sets, duration, rate):
    q = mp.Queue()
    procs = [mp.Process(target=client, args=(port, paths, duration, rate, q)) for paths in path_sets]
    for p in procs:
        p.start()
    lat, errors = [], {}
    for _ in procs:
        l, e = q.get()
        lat += l
        for k, v in e.items():
            errors[k] = errors.get(k, 0) + v
    for p in procs:
        p.join()
    return lat, errors


def health_probe(port, stop, out):
    """Asks /api/health every 50 ms on a new connection, in its own process; sends
    back (wall time, ms, status) samples."""
    samples = []
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/api/health")
            r = c.getresponse()
            r.read()
            status = r.status
            c.close()
        except Exception as e:  # noqa: BLE001
            status = type(e).__name__
        samples.append((time.time(), (time.perf_counter() - t0) * 1000, status))
        time.sleep(0.05)
    out.put(samples)


class Slowloris(threading.Thread):
    """`n` connections from 127.0.0.2 trickling one byte a second, reconnecting when closed."""

    def __init__(self, port, n):
        super().__init__(daemon=True)
        self.port, self.n = port, n
        self.stop = False
        self.closed_by_server = 0

    def connect(self):
        s = socket.socket()
        s.bind(("127.0.0.2", 0))
        s.connect(("127.0.0.1", self.port))
        s.setblocking(False)
        return s

    def run(self):
        request = b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"s" * 4000 + b"\r\n\r\n"
        socks = [[self.connect(), 0] for _ in range(self.n)]
        while not self.stop:
            for entry in socks:
                s, k = entry
                try:
                    s.send(request[k:k + 1])
                    entry[1] = (k + 1) % len(request)
                    try:
                        if s.recv(1024) == b"":
                            raise ConnectionResetError
                    except BlockingIOError:
                        pass
                except OSError:
                    self.closed_by_server += 1
                    s.close()
                    entry[0], entry[1] = self.connect(), 0
            time.sleep(1.0)
        for s, _ in socks:
            s.close()


class Expensive(threading.Thread):
    """Keeps one expensive request running at all times."""

    def __init__(self, port, path):
        super().__init__(daemon=True)
        self.port, self.path = port, path
        self.stop = False
        self.results = []  # (status, seconds)

    def run(self):
        while not self.stop:
            t0 = time.monotonic()
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                c.request("GET", self.path)
                r = c.getresponse()
                r.read()
                status = r.status
                c.close()
            except Exception as e:  # noqa: BLE001
                status = type(e).__name__
            self.results.append((status, time.monotonic() - t0))


def get_json(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, json.loads(body)


def summary(lat):
    return {"n": len(lat), "p50": percentile(lat, 0.5), "p99": percentile(lat, 0.99), "max": max(lat) if lat else 0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--db", default=None)
    ap.add_argument("--duration", type=float, default=15)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--slow", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rate", type=float, default=20, help="requests a second per client (0 = back to back)")
    args = ap.parse_args()

    binary = args.bin
    if not binary:
        for d in ("build", "build-release", "build-web"):
            if os.access(os.path.join(REPO, d, "rostrum"), os.X_OK):
                binary = os.path.join(REPO, d, "rostrum")
                break
    if not binary:
        sys.exit("rostrum binary not found (use --bin)")
    tmp = tempfile.mkdtemp()
    db = args.db
    if not db:
        data = os.path.join(REPO, "..", "shared", "data", "unga", "unvotes-0.3.0")
        db = os.path.join(tmp, "bench.db")
        subprocess.run([binary, "--db", db, "import", data], check=True, stdout=subprocess.DEVNULL)

    load0 = "%.1f" % os.getloadavg()[0]
    port = free_port()
    log = open(os.path.join(tmp, "server.log"), "w")
    # The access log gives each request's time inside the server (first byte to
    # response), to tell the server's latency from the machine's scheduling.
    server = subprocess.Popen([binary, "--db", db, "serve", "--port", str(port), "--access-log"], stdout=log,
                              stderr=log)
    try:
        for _ in range(300):
            try:
                if get_json(port, "/api/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        status, sample = get_json(port, "/api/agree?a=USA&b=all&year=2019")
        states = sorted({row["b"] for row in sample["rows"]})
        cached_paths = [f"/api/agree?a=USA&b={s}&by=year" for s in states[:50]]
        for p in cached_paths:
            get_json(port, p)  # now cached
        pairs = [(a, b) for i, a in enumerate(states) for b in states[i + 1:]]
        probe_stop, probe_out = mp.Event(), mp.Queue()
        probe = mp.Process(target=health_probe, args=(port, probe_stop, probe_out))
        probe.start()
        windows = []  # (phase, start, end) in wall time
        rounds = []
        used = 0
        for r in range(args.repeat):
            row = {}
            for hostile in (False, True):
                slow = expensive = None
                if hostile:
                    slow = Slowloris(port, args.slow)
                    slow.start()
                    expensive = Expensive(port, "/api/agree?a=USA&b=all&by=session&ci=0.95&boot=1000")
                    expensive.start()
                    time.sleep(2)  # the expensive query is running, the slow clients are mid-request
                phase_start = time.time()
                for kind in ("cached", "uncached"):
                    if kind == "cached":
                        sets = [cached_paths[i % len(cached_paths):] + cached_paths[:i % len(cached_paths)]
                                for i in range(args.clients)]
                    else:
                        # Never asked before: a pair, a period kind and a first year not yet used.
                        sets = []
                        for i in range(args.clients):
                            paths = []
                            for _ in range(4000):
                                k = used
                                used += 1
                                a, b = pairs[k % len(pairs)]
                                variant = k // len(pairs)
                                by = ("year", "session")[variant % 2]
                                paths.append(f"/api/agree?a={a}&b={b}&by={by}&from={1946 + variant // 2}")
                            sets.append(paths)
                    lat, errors = run_clients(port, sets, args.duration, args.rate)
                    row[(hostile, kind)] = (summary(lat), errors)
                windows.append(("hostile" if hostile else "quiet", phase_start, time.time()))
                if hostile:
                    slow.stop = True
                    expensive.stop = True
                    slow.join()
                    row[(True, "slow_closed")] = slow.closed_by_server
                    row[(True, "expensive")] = list(expensive.results)
            rounds.append(row)
            print(f"round {r + 1}:")
            for hostile in (False, True):
                for kind in ("cached", "uncached"):
                    s, e = row[(hostile, kind)]
                    print(f"  {'attacked' if hostile else 'quiet   '} {kind:8s} n={s['n']:6d} p50={s['p50']:6.2f} ms "
                          f"p99={s['p99']:6.2f} ms max={s['max']:7.1f} ms errors={e or 0}")
            print(f"  slow connections closed by the server: {row[(True, 'slow_closed')]}; "
                  f"expensive request answers so far: {row[(True, 'expensive')]}")
        probe_stop.set()
        samples = probe_out.get()
        probe.join()
        phase_of = lambda t: next((p for p, a, b in windows if a <= t <= b), None)  # noqa: E731
        print(f"\nmedians over {args.repeat} rounds ({args.clients} clients at {args.rate:g} requests/s each, "
              f"{args.slow} slow clients, {args.duration:g} s per phase; load average before: {load0}):")
        print("| phase | queries | p50 ms | p99 ms | max ms | non-200 |")
        print("|---|---|---|---|---|---|")
        for hostile in (False, True):
            for kind in ("cached", "uncached"):
                stats = [row[(hostile, kind)][0] for row in rounds]
                errs = sum(sum(row[(hostile, kind)][1].values()) for row in rounds)
                med = {k: statistics.median(s[k] for s in stats) for k in ("p50", "p99", "max")}
                print(f"| {'attacked' if hostile else 'quiet'} | {kind} | {med['p50']:.1f} | {med['p99']:.1f} | "
                      f"{med['max']:.0f} | {errs} |")
        for phase in ("quiet", "hostile"):
            lat = [ms for t, ms, _ in samples if phase_of(t) == phase]
            bad = sum(1 for t, _, st in samples if phase_of(t) == phase and st != 200)
            s = summary(lat)
            print(f"| {'attacked' if phase == 'hostile' else 'quiet'} | /api/health | {s['p50']:.1f} | {s['p99']:.1f} | "
                  f"{s['max']:.0f} | {bad} |")
        server_side = {}
        with open(os.path.join(tmp, "server.log")) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 7 and parts[2] == "GET" and parts[6].endswith("ms"):
                    kind = "health" if parts[3] == "/api/health" else "query"
                    server_side.setdefault(kind, []).append(float(parts[6][:-2]))
        for kind, lat in sorted(server_side.items()):
            s = summary(lat)
            print(f"inside the server, all phases, {kind}: n={s['n']} p50={s['p50']:.2f} ms p99={s['p99']:.2f} ms "
                  f"max={s['max']:.0f} ms")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
