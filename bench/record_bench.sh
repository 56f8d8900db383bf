#!/usr/bin/env bash
# The record's two speed budgets (docs/store.md, "Speed"), medians of RUNS runs:
#  1. importing the three shared sources (unvotes 1946-2019, the 2022 scrape, the
#     2025 file) into a fresh store and stitching the record: under 5 s on 2 cores;
#  2. all pairs x all years of Voeten's agreement on the record, against the same
#     on a store holding unvotes alone (what every analysis read before the
#     record): within 1.5x.
# The peers (R data.table, pandas, bench/peers/) run the same agreement on the
# same votes: each store's analysed votes exported in the unvotes layout (the
# year as the session; SUN's votes under RUS and SCG's under SRB, as rostrum's
# rows carry them).
#   bench/record_bench.sh [BUILD_DIR]      (RUNS=3 by default; PEERS=0 skips the peers)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
source "$root/scripts/setup"
[ "${PEERS:-1}" = 0 ] || rostrum_setup bench
data=$(rostrum_data_dir "$root")/unga
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rostrum="$build/rostrum"
sources=("$data/unvotes-0.3.0" "$data/undl-wide-2022/un_data_wide.csv.gz" "$data/undl-wide-2025/un_votes_2025.csv.gz")

# measure NAME CMD...: runs CMD $runs times; median wall seconds, median CPU seconds (user + sys).
declare -A wall cpu
measure() {
  local name=$1; shift
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r w u s < "$work/time"
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
  done
  wall[$name]=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu[$name]=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-44s %7.2f s wall %7.2f s cpu\n' "$name" "${wall[$name]}" "${cpu[$name]}"
}

echo "rostrum record benchmarks (median of $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
measure "import 3 sources + stitch (fresh store)" bash -c "rm -f '$work/all.db'; '$rostrum' --db '$work/all.db' import ${sources[*]}"
"$rostrum" --db "$work/all.db" import "${sources[@]}" >/dev/null
"$rostrum" --db "$work/unvotes.db" import "${sources[0]}" >/dev/null
measure "agree all x all by year, unvotes alone" "$rostrum" --db "$work/unvotes.db" agree --a all --b all --by year --format csv --out "$work/u.csv"
measure "agree all x all by year, the record" "$rostrum" --db "$work/all.db" agree --a all --b all --by year --format csv --out "$work/r.csv"
awk -v a="${wall[agree all x all by year, the record]}" -v b="${wall[agree all x all by year, unvotes alone]}" \
    -v c="${cpu[agree all x all by year, the record]}" -v d="${cpu[agree all x all by year, unvotes alone]}" \
    'BEGIN {printf "record / unvotes alone: %.2fx wall, %.2fx cpu (budget 1.5x)\n", a / b, c / d}'
echo "rows: unvotes alone $(($(wc -l < "$work/u.csv") - 1)), record $(($(wc -l < "$work/r.csv") - 1))"

[ "${PEERS:-1}" = 0 ] && exit 0
# The analysed votes of a store in the unvotes layout, the year as the session.
export_votes() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import gzip, os, sqlite3, sys
db, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
con = sqlite3.connect(db)
series = {"SUN": "RUS", "SCG": "SRB"}
names = {1: "yes", 2: "abstain", 3: "no"}
with gzip.open(f"{out}/un_roll_calls.csv.gz", "wt") as f:
    f.write("rcid,session\n")
    for rid, date in con.execute("SELECT rollcall_id, date FROM record_rollcalls WHERE body = 'ga'"):
        f.write(f"{rid},{date[:4]}\n")
with gzip.open(f"{out}/un_votes.csv.gz", "wt") as f:
    f.write("rcid,country,vote\n")
    for rid, iso3, v in con.execute("""SELECT v.rollcall_id, c.iso3, v.vote FROM record_rollcalls rr
            JOIN votes v ON v.rollcall_id = rr.rollcall_id JOIN countries c ON c.id = v.country_id
            WHERE rr.body = 'ga' AND v.vote BETWEEN 1 AND 3"""):
        f.write(f"{rid},{series.get(iso3, iso3)},{names[v]}\n")
PY
}
export_votes "$work/unvotes.db" "$work/x-unvotes"
export_votes "$work/all.db" "$work/x-record"
for which in unvotes record; do
  measure "R data.table, $which" Rscript "$root/bench/peers/agree_datatable.R" "$work/x-$which" "$work/dt-$which.csv"
  measure "pandas, $which" /usr/bin/python3 "$root/bench/peers/agree_pandas.py" "$work/x-$which" "$work/pd-$which.csv"
done
echo "rows: data.table record $(($(wc -l < "$work/dt-record.csv") - 1)), pandas record $(($(wc -l < "$work/pd-record.csv") - 1))"
for peer in "R data.table" "pandas"; do
  awk -v p="$peer" -v a="${wall[$peer, record]}" -v b="${wall[agree all x all by year, the record]}" \
      -v c="${wall[$peer, unvotes]}" \
      'BEGIN {printf "%-13s on the record: %.1fx rostrum'"'"'s time; record / unvotes alone: %.2fx\n", p, a / b, a / c}'
done
