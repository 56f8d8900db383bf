#!/usr/bin/env bash
# All pairs x all 74 sessions of Voeten's agreement on the unvotes data, with
# rostrum and with the tools analysts use today (R data.table, pandas), on the
# same files. Prints wall time and peak memory (median of RUNS runs) and ratios.
#   bench/agree_peers.sh [BUILD_DIR]      (RUNS=3 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
source "$root/scripts/setup"
rostrum_setup bench
data=$(rostrum_data_dir "$root")/unga/unvotes-0.3.0
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"
"$build/rostrum" --db "$db" import "$data" >/dev/null

# measure NAME CMD...: runs CMD $runs times; records median wall seconds and peak RSS (MiB).
declare -A wall mem
measure() {
  local name=$1; shift
  local times=() mems=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r t m < "$work/time"
    times+=("$t"); mems+=("$m")
  done
  wall[$name]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mem[$name]=$(printf '%s\n' "${mems[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  printf '%-28s %8.2f s %8s MiB\n' "$name" "${wall[$name]}" "${mem[$name]}"
}

echo "All pairs x all sessions, Voeten agree, unvotes 1946-2019 (median of $runs runs, $(nproc) cores)"
measure "rostrum (query, csv)" "$build/rostrum" --db "$db" agree --a all --b all --by session --format csv --out "$work/rostrum.csv"
measure "rostrum (import + query)" bash -c "rm -f '$work/b2.db'; '$build/rostrum' --db '$work/b2.db' import '$data' >/dev/null && '$build/rostrum' --db '$work/b2.db' agree --a all --b all --by session --format csv --out '$work/r2.csv'"
measure "R data.table" Rscript "$root/bench/peers/agree_datatable.R" "$data" "$work/datatable.csv"
measure "pandas" /usr/bin/python3 "$root/bench/peers/agree_pandas.py" "$data" "$work/pandas.csv"
echo
echo "rows: rostrum $(($(wc -l < "$work/rostrum.csv") - 1)), data.table $(($(wc -l < "$work/datatable.csv") - 1)), pandas $(($(wc -l < "$work/pandas.csv") - 1))"
# The 129 rows only rostrum has (2026-11-30) are all in session 46 (1991-92): the
# peers key on unvotes' names, which call the seat "Yugoslavia" all session;
# rostrum dates each vote and gives those from 27 April 1992 to the Federal
# Republic (SRB; src/registry/seats.cpp), a second state beside the SFRY (YUG).
echo "(rostrum's extra rows: session 46, where the votes after 27 April 1992 are the Federal Republic's, SRB, beside the SFRY's)"
for peer in "R data.table" "pandas"; do
  awk -v p="$peer" -v a="${wall[$peer]}" -v b="${wall[rostrum (query, csv)]}" -v c="${wall[rostrum (import + query)]}" \
      -v ma="${mem[$peer]}" -v mb="${mem[rostrum (query, csv)]}" \
      'BEGIN {printf "%-14s / rostrum: %.1fx time (%.1fx counting rostrum'"'"'s import), %.1fx memory\n", p, a/b, a/c, ma/mb}'
done
