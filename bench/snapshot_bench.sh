#!/usr/bin/env bash
# The query-ready snapshot (docs/store.md): a one-pair query, whole process, on a
# store holding unvotes + the 2022 wide scrape + the 2025 file (the record
# scripts/run builds), with the record's snapshot current and with it missing
# (the query then reads every vote row and writes the snapshot again). Medians of
# RUNS runs (hyperfine). With a second binary (an older build) its time on a store
# it imported itself is printed beside.
#   bench/snapshot_bench.sh [ROSTRUM_BINARY] [OLDER_BINARY]      (RUNS=15 by default)
# Figures (docs/store.md, "Query-ready snapshot"): on a loaded 2-core machine the
# one-pair query took 488 ms of CPU reading rows and 96 ms with the snapshot
# (perf stat, medians of 11), of which 42 ms is starting the process. After the
# process-start work (docs/store.md, "Process start"): 21.1 ms with the snapshot
# current, 162 ms with it missing (medians of 15, wall). After its second round:
# 14.9 ms current (the first round's build, b7081b3, 22.0 ms in the same run);
# 243 ms missing, which now includes copying the rewritten image from the
# write-ahead log into the database file (medians of 21).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/rostrum}
older=${2:-}
runs=${RUNS:-15}
source "$root/scripts/setup"
for tool in hyperfine sqlite3; do
  command -v "$tool" >/dev/null || { echo "snapshot_bench: needs $tool (scripts/setup bench)" >&2; exit 2; }
done
data=$(rostrum_data_dir "$root")/unga
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources=("$data/unvotes-0.3.0")
for f in "$data/undl-wide-2022/un_data_wide.csv.gz" "$data/undl-wide-2025/un_votes_2025.csv.gz"; do
  [ -f "$f" ] && sources+=("$f")
done
query=(agree --a USA --b RUS --by session)

median() {  # median wall seconds of hyperfine's JSON export
  python3 -c "import json,sys; print('%.4f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"
}
run() {  # NAME PREPARE CMD
  hyperfine --style none --runs "$runs" --warmup 2 --prepare "$2" --export-json "$work/h.json" "$3" >/dev/null 2>&1
  printf '%-44s %8.1f ms\n' "$1" "$(awk -v s="$(median "$work/h.json")" 'BEGIN {print s * 1000}')"
}

"$bin" --db "$work/new.db" import "${sources[@]}" >/dev/null
echo "one pair by session, $(basename "$bin"), ${#sources[@]} sources, median of $runs runs ($(nproc) cores)"
run "snapshot current" "true" "'$bin' --db '$work/new.db' ${query[*]}"
run "snapshot missing (rows, then rewritten)" "sqlite3 '$work/new.db' 'DELETE FROM matrix_snapshots'" \
  "'$bin' --db '$work/new.db' ${query[*]}"
if [ -n "$older" ]; then
  "$older" --db "$work/old.db" import "${sources[@]}" >/dev/null
  run "older build, on a store it imported" "true" "'$older' --db '$work/old.db' ${query[*]}"
fi
