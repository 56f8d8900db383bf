// Work estimates: what a request will cost, computed from its parameters before
// any work starts, so that a server can refuse a request too large for it (with a
// message naming the parameter to lower) and keep expensive requests apart from
// cheap ones. The command line keeps no limit.
//
// Each estimate is a count of the steps the analysis's cost grows with (pairs x
// periods x replicates for a bootstrap, runs x gamma steps x states^2 for blocs,
// ...) times a per-step cost measured on the reference machine (bench/
// work_budget.sh prints estimate and measured CPU time side by side; docs/api.md,
// "Work limits"). The steps are exact where the parameters fix them and upper
// bounds otherwise (a group's ever-members, all roll calls of the selection).
// Every estimator does only the cheap prefix of its query (parameter parsing, the
// roll-call mask, the periods), so it throws the same UsageError for a bad
// parameter as the query would.
#pragma once

#include <string>
#include <string_view>

#include "query/query.hpp"

namespace rostrum::query {

struct WorkEstimate {
  double steps = 0;       // the product below
  double seconds = 0;     // estimated CPU time on one core of the reference machine
  std::string parameter;  // the user-controlled parameter that drives the cost most; "" when none
  std::string formula;    // how `steps` was counted: "pairs 199 x periods 74 x (1 + replicates 100000)"
};

// Per-step costs in microseconds of one core (reference machine: see docs/api.md).
namespace step_cost {
inline constexpr double dyad_us = 1.5;           // one pair's joint table over one period, and its row
inline constexpr double replicate_us = 1.0;      // one bootstrap replicate of one pair and period
inline constexpr double null_vote_us = 0.015;    // one simulated vote of the cohesion null
inline constexpr double tally_vote_us = 0.005;   // one member's vote counted on one roll call
inline constexpr double leiden_state2_us = 0.06;  // one community-detection run (with its consensus share), per state squared
}  // namespace step_cost

// By command name; commands without a costly parameter ("info", "countries",
// "groups", "ideal" (reads a saved run), unknown ones) estimate 0.
WorkEstimate estimate_work(Context& ctx, std::string_view command, const Params& params);

// pairs x periods x (1 + bootstrap replicates when ci is set).
WorkEstimate estimate_agree(Context& ctx, const Params& params);
// roll calls x group members x (1 + null replicates).
WorkEstimate estimate_cohesion(Context& ctx, const Params& params);
// periods x gamma steps x runs x states^2 (gamma steps = 1 without scan).
WorkEstimate estimate_blocs(Context& ctx, const Params& params);
// countries x pole members x periods.
WorkEstimate estimate_poles(Context& ctx, const Params& params);
// a x b x periods, or for a group roll calls x members.
WorkEstimate estimate_shifts(Context& ctx, const Params& params);

}  // namespace rostrum::query
