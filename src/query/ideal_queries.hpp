// Ideal-point queries: estimating a run (writes the store's runs table), reading
// the latest run, and the held-out prediction test.
#pragma once

#include "core/table.hpp"
#include "ideal/ideal.hpp"
#include "query/query.hpp"

namespace rostrum::query {

// "ideal": the latest stored run of the source (read-only; what the server and the
// brief use). Parameters: source, countries, session, year, from, to.
Table run_ideal(Context& ctx, const Params& params);

// Estimates ideal points and saves the run and its estimates in the store.
// Parameters: selectors (source, session, year, from, to, issue, important), model
// (dynamic | static | binary-dynamic), smooth, anchor, boot, seed, threads, bridges
// (true/false), bridges-file (CSV of roll-call id pairs), max-iter, countries (rows
// to print; the fit always uses every state).
Table estimate_ideal(Context& ctx, const Params& params, const ideal::ProgressCallback& progress = {});

// "predict": hides a fraction of votes, fits on the rest, scores the hidden votes
// against the always-Yes and modal-vote baselines. Parameters: as estimate_ideal
// plus holdout (fraction) and seed.
Table run_predict(Context& ctx, const Params& params, const ideal::ProgressCallback& progress = {});

}  // namespace rostrum::query
