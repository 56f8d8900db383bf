#!/usr/bin/env bash
# Whole-import timing: `rostrum import` of the unvotes directory into a fresh store,
# three runs, median reported (the foundation issue's budget: under 3 s on a
# 2-core machine). Uses hyperfine when installed, else a plain loop.
#
#   bench/import_bench.sh [ROSTRUM_BINARY] [UNVOTES_DIR]
#
# Defaults: build/rostrum (then build-*/rostrum) and $ROSTRUM_DATA or ../shared/data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-}"
if [[ -z "$bin" ]]; then
  for candidate in "$root/build/rostrum" "$root"/build-*/rostrum; do
    if [[ -x "$candidate" ]]; then bin="$candidate"; break; fi
  done
fi
[[ -n "$bin" && -x "$bin" ]] || { echo "import_bench: no rostrum binary (build first or pass its path)" >&2; exit 2; }
data="${ROSTRUM_DATA:-$root/../shared/data}"
dir="${2:-$data/unga/unvotes-0.3.0}"
[[ -d "$dir" ]] || { echo "import_bench: no unvotes directory at $dir" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"
runs=3
echo "binary: $bin"
echo "data:   $dir"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --runs "$runs" --warmup 0 --prepare "rm -f '$db' '$db-journal'" \
    --export-json "$work/h.json" "'$bin' --db '$db' import '$dir'" >&2
  median=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.3f' % r['median'])" "$work/h.json" 2>/dev/null ||
    grep -o '"median": *[0-9.]*' "$work/h.json" | head -1 | grep -o '[0-9.]*$')
else
  times=()
  for ((i = 0; i < runs; i++)); do
    rm -f "$db" "$db-journal"
    start=$(date +%s.%N)
    "$bin" --db "$db" import "$dir" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
  printf 'runs: %s\n' "${times[*]}"
fi
printf 'median of %d whole imports of %s: %.3f s (budget 3 s)\n' "$runs" "$(basename "$dir")" "$median"
