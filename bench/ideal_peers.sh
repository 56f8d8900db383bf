#!/usr/bin/env bash
# Peer benchmark for ideal points: rostrum's engine vs MCMCpack
# (MCMCdynamicIRT1d, MCMCirt1d) and pscl::ideal on the unvotes data.
#
#   bench/ideal_peers.sh [DATA_DIR]
# Environment: FROM/TO (MCMCdynamicIRT1d session range, default 73-74), SESSION
# (static models, default 74), MCMC/BURNIN (dynamic sampler, default 500/250; the
# documented run used 72-74 and 1000/500: 22 minutes on a loaded 2-core machine),
# THREADS (default 2), IDEAL_UNVOTES (a built bench/ideal_unvotes; else compiled here).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${1:-$ROOT/../shared/data/unga/unvotes-0.3.0}"
FROM="${FROM:-73}"; TO="${TO:-74}"; SESSION="${SESSION:-74}"
MCMC="${MCMC:-500}"; BURNIN="${BURNIN:-250}"; THREADS="${THREADS:-2}"
WORK="${WORK:-$(mktemp -d /tmp/rostrum-ideal-peers.XXXXXX)}"
BIN="${IDEAL_UNVOTES:-$WORK/ideal_unvotes}"
if [[ ! -x "$BIN" ]]; then
  echo "compiling bench/ideal_unvotes.cpp -> $BIN"
  g++ -std=c++20 -O2 -fopenmp -I"$ROOT/src" "$ROOT/bench/ideal_unvotes.cpp" "$ROOT"/src/ideal/{ideal,kernels,bridges}.cpp \
    -lz -o "$BIN"
fi
echo "== rostrum: dynamic ordinal, whole history (threads $THREADS)"
/usr/bin/time -f "wall %e s, max RSS %M KB" "$BIN" "$DATA" --threads "$THREADS" --out "$WORK/dyn.csv" | head -3
echo "== rostrum: dynamic binary (abstain as no), sessions $FROM-$TO"
"$BIN" "$DATA" --threads "$THREADS" --model binary --from "$FROM" --to "$TO" --out "$WORK/bin.csv" | sed -n 2p
echo "== rostrum: static ordinal, session $SESSION"
"$BIN" "$DATA" --threads "$THREADS" --model static --from "$SESSION" --to "$SESSION" --out "$WORK/static.csv" | sed -n 2p
echo "== peers (R)"
Rscript "$ROOT/bench/ideal_peers.R" "$DATA" "$WORK/dyn.csv" "$WORK/bin.csv" "$WORK/static.csv" \
  "$FROM" "$TO" "$SESSION" "$MCMC" "$BURNIN"
echo "(work files in $WORK)"
