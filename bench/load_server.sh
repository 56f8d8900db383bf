#!/usr/bin/env bash
# Load check of `rostrum serve` on loopback (not a unit test).
#
#   bench/load_server.sh [--db PATH] [--bin PATH] [--duration SECONDS] [--connections N]
#
# 1. error check: 2,000 requests to /api/agree, 8 at a time, over many pairs;
#    every answer must be 200.
# 2. wrk for DURATION s (default 30) on one pair query, as served (response cache on);
# 3. the same with the response cache off (ROSTRUM_SERVE_NO_CACHE=1): every request
#    runs the query;
# 4. wrk for DURATION s rotating over 870 pair/measure queries, cache on.
# Reports requests/s, p50/p99 latency and the server's peak RSS (VmHWM).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
db="${ROSTRUM_DB:-$repo/rostrum.db}"
bin="${ROSTRUM_BIN:-}"
duration=30
conns=8
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) conns="$2"; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$bin" ]]; then
  for d in build build-release build-web; do
    if [[ -x "$repo/$d/rostrum" ]]; then bin="$repo/$d/rostrum"; break; fi
  done
fi
[[ -x "$bin" ]] || { echo "rostrum binary not found (use --bin)" >&2; exit 2; }
[[ -f "$db" ]] || { echo "store not found: $db (use --db)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install wrk)" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tmp="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

start_server() {  # $1 = extra env assignment or ""
  port="$(free_port)"
  if [[ -n "$1" ]]; then env "$1" "$bin" serve --db "$db" --port "$port" >"$tmp/server.log" 2>&1 &
  else "$bin" serve --db "$db" --port "$port" >"$tmp/server.log" 2>&1 & fi
  pid=$!
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "server did not start" >&2; cat "$tmp/server.log" >&2; exit 1
}
stop_server() {
  peak_kb="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

countries=(USA RUS CHN GBR FRA DEU IND BRA ZAF JPN CAN AUS MEX IRN PRK CUB ISR EGY NGA IDN PAK TUR SAU ARG KEN SWE NOR POL UKR VNM)
# Lua script for wrk: rotate over every pair x two measures.
{
  echo 'local paths = {}'
  for m in agree kappa; do
    for ((i = 0; i < ${#countries[@]}; i++)); do
      for ((j = i + 1; j < ${#countries[@]}; j++)); do
        echo "paths[#paths+1] = \"/api/agree?a=${countries[$i]}&b=${countries[$j]}&measure=$m&by=year\""
      done
    done
  done
  echo 'local k = 0'
  echo 'request = function() k = k + 1; return wrk.format("GET", paths[(k * 7919) % #paths + 1]) end'
} >"$tmp/rotate.lua"
grep -o '"/api[^"]*"' "$tmp/rotate.lua" | tr -d '"' >"$tmp/paths.txt"

parse_wrk() {  # prints "req/s p50 p99"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps, p50, p99}' "$1"
}

echo "rostrum serve load check: $bin, store $db, $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"

# 1. error check
start_server ""
python3 - "$port" "$tmp/paths.txt" <<'PY'
import http.client, sys, threading
port = int(sys.argv[1]); paths = open(sys.argv[2]).read().split()
total, conc = 2000, 8
codes = {}; lock = threading.Lock()
def worker(w):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for k in range(w, total, conc):
        try:
            c.request("GET", paths[k % len(paths)]); r = c.getresponse(); r.read(); code = r.status
        except Exception as e:
            code = type(e).__name__; c.close(); c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with lock: codes[code] = codes.get(code, 0) + 1
ts = [threading.Thread(target=worker, args=(w,)) for w in range(conc)]
[t.start() for t in ts]; [t.join() for t in ts]
bad = total - codes.get(200, 0)
print(f"error check: {total} requests, {conc} concurrent: {codes.get(200, 0)} ok, {bad} errors {dict(codes) if bad else ''}")
sys.exit(1 if bad else 0)
PY
stop_server

# 2. one pair query as served (response cache on: after the first, answered from memory)
start_server ""
url="http://127.0.0.1:$port/api/agree?a=USA&b=RUS&by=year"
curl -sf "$url" >/dev/null
wrk -t2 -c"$conns" -d"${duration}s" --latency "$url" >"$tmp/wrk0.txt"
stop_server
read -r rps0 p500 p990 < <(parse_wrk "$tmp/wrk0.txt")
echo "wrk pair query (USA-RUS by year, as served), ${duration}s, ${conns} connections: ${rps0} req/s, p50 ${p500}, p99 ${p990}, server peak RSS $((peak_kb / 1024)) MiB"

# 3. the same pair query with the response cache off: every request runs the query
start_server "ROSTRUM_SERVE_NO_CACHE=1"
url="http://127.0.0.1:$port/api/agree?a=USA&b=RUS&by=year"
curl -sf "$url" >/dev/null
wrk -t2 -c"$conns" -d"${duration}s" --latency "$url" >"$tmp/wrk1.txt"
stop_server
read -r rps p50 p99 < <(parse_wrk "$tmp/wrk1.txt")
echo "wrk pair query (USA-RUS by year, uncached), ${duration}s, ${conns} connections: ${rps} req/s, p50 ${p50}, p99 ${p99}, server peak RSS $((peak_kb / 1024)) MiB"

# 4. rotating pair queries, cache on
start_server ""
curl -sf "http://127.0.0.1:$port/api/agree?a=USA&b=CHN" >/dev/null  # after the start-up load
wrk -t2 -c"$conns" -d"${duration}s" --latency -s "$tmp/rotate.lua" "http://127.0.0.1:$port" >"$tmp/wrk2.txt"
errors="$(awk '/Non-2xx/ {print $4}' "$tmp/wrk2.txt")"
stop_server
read -r rps2 p502 p992 < <(parse_wrk "$tmp/wrk2.txt")
echo "wrk rotating 870 pair/measure queries (cache on), ${duration}s, ${conns} connections: ${rps2} req/s, p50 ${p502}, p99 ${p992}, non-2xx ${errors:-0}, server peak RSS $((peak_kb / 1024)) MiB"
