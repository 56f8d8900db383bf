#!/usr/bin/env bash
# Sanctions timings (docs/sanctions.md, "Speed"): the whole import of every list
# under ../shared/data/sanctions into a fresh store, and the match of all US x EU
# designations (load from the store, designations, blocking, scoring), each run
# five times; medians of wall-clock and of CPU time (user + system) are printed,
# with the machine's load average, since the machine is shared.
#
#   bench/sanctions_bench.sh [ROSTRUM_BINARY] [SANCTIONS_DIR]
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
[[ -n "$bin" && -x "$bin" ]] || { echo "sanctions_bench: no rostrum binary (build first or pass its path)" >&2; exit 2; }
data="${ROSTRUM_DATA:-$root/../shared/data}"
dir="${2:-$data/sanctions}"
[[ -d "$dir" ]] || { echo "sanctions_bench: no sanctions directory at $dir" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "sanctions_bench: needs /usr/bin/time (Debian package time)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"
runs=5
echo "binary: $bin"
echo "data:   $dir"
echo "cores:  $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs "$@" $runs times (after `prepare`), prints the medians of wall and CPU seconds.
measure() {
  local label=$1 prepare=$2
  shift 2
  local walls=() cpus=()
  for ((i = 0; i < runs; i++)); do
    eval "$prepare"
    /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null
    read -r wall user sys <"$work/t"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
  done
  local mw mc
  mw=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 3p)
  mc=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n 3p)
  printf '%-34s wall %5.2f s (runs: %s)   cpu %5.2f s (runs: %s)\n' "$label" "$mw" "${walls[*]}" "$mc" "${cpus[*]}"
}

measure "import every list (fresh store)" "rm -f '$db' '$db-journal'" "$bin" --db "$db" sanctions import "$dir"
"$bin" --db "$db" sanctions import "$dir" >/dev/null
measure "match US x EU (csv)" ":" "$bin" --db "$db" sanctions match --issuers US,EU --format csv
measure "lag US vs EU, RUS (all entities)" ":" "$bin" --db "$db" sanctions lag --a US --b EU --target RUS --format json
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
sqlite3_names=$("$bin" --db "$db" sanctions lists --format csv | awk -F, 'NR > 1 && ($1 == "US" || $1 == "EU") { n += $5 } END { print n }')
echo "US and EU entries listed: $sqlite3_names; budgets: import < 3 s, match < 3 s on 2 cores"
