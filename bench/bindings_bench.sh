#!/usr/bin/env bash
# All pairs x all sessions of Voeten's agreement (the frame of issue "R and Python"),
# the same job four ways on the same store, medians of RUNS runs (wall seconds and
# peak RSS from /usr/bin/time):
#   cli     rostrum agree --a all --b all --by session --format csv --out FILE
#   python  rostrum.Store(db).agree(a="all", b="all", by="session")  -> pandas.DataFrame
#   r       agree(rostrum_store(db), a = "all", b = "all", by = "session") -> data.frame
# and prints each binding's ratio to the CLI and the frame's own size in memory.
#   bench/bindings_bench.sh STORE [BUILD_DIR]     (RUNS=3 by default)
# The store must hold the votes (rostrum import ../shared/data/unga/unvotes-0.3.0).
# The R package is installed into a temporary library from BUILD_DIR.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:?usage: bench/bindings_bench.sh STORE [BUILD_DIR]}
build=${2:-$root/build}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

r_lib="$work/rlib"
mkdir -p "$r_lib"
ROSTRUM_BUILD="$build" R CMD INSTALL --no-test-load --library="$r_lib" "$root/r" >"$work/r-install.log" 2>&1 \
  || { cat "$work/r-install.log"; exit 1; }

cat >"$work/py.py" <<'EOF'
import sys, rostrum
df = rostrum.Store(sys.argv[1]).agree(a="all", b="all", by="session")
print(len(df), df.memory_usage(deep=True).sum(), file=sys.stderr)
EOF
cat >"$work/r.R" <<'EOF'
library(rostrum)
df <- agree(rostrum_store(commandArgs(TRUE)[1]), a = "all", b = "all", by = "session")
message(nrow(df), " ", as.numeric(object.size(df)))
EOF

# one NAME CMD...: median wall seconds and median peak RSS (MiB) of $runs runs.
declare -A wall rss frame
one() {
  local name=$1; shift
  local walls=() rsss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" 2>"$work/err" >/dev/null
    read -r w m <"$work/time"
    walls+=("$w"); rsss+=("$m")
    frame[$name]=$(grep -E '^[0-9]+ [0-9.e+]+$' "$work/err" | tail -1 || true)
  done
  wall[$name]=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")
  rss[$name]=$(printf '%s\n' "${rsss[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")
}

one cli "$build/rostrum" --db "$db" agree --a all --b all --by session --format csv --out "$work/agree.csv"
one python env PYTHONPATH="$build/python" /usr/bin/python3 "$work/py.py" "$db"
one r env R_LIBS="$r_lib" Rscript "$work/r.R" "$db"

rows=$(($(wc -l <"$work/agree.csv") - 1))
printf 'all pairs x all sessions, %d rows, medians of %d runs\n' "$rows" "$runs"
printf '%-8s %8s %10s %8s %s\n' job wall_s rss_MiB vs_cli "frame (rows bytes)"
for name in cli python r; do
  ratio=$(awk -v a="${wall[$name]}" -v b="${wall[cli]}" 'BEGIN { printf "%.2f", a / b }')
  printf '%-8s %8s %10.0f %8s %s\n' "$name" "${wall[$name]}" "$(awk -v k="${rss[$name]}" 'BEGIN{print k/1024}')" \
    "$ratio" "${frame[$name]:-}"
done
