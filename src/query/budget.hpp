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
// roll-call mask, the periods) on a validated Request, so it throws the same
// ParameterError for a bad parameter as the query would.
#pragma once

#include <string>
#include <string_view>

#include "query/catalogue.hpp"
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
inline constexpr double dyad_us = 1.5;          // one pair's joint table over one period, and its row
inline constexpr double replicate_us = 1.0;     // one bootstrap replicate of one pair and period
inline constexpr double null_vote_us = 0.015;   // one simulated vote of the cohesion null
inline constexpr double tally_vote_us = 0.005;  // one member's vote counted on one roll call
inline constexpr double leiden_state2_us =
    0.06;  // one community-detection run (with its consensus share), per state squared
}  // namespace step_cost

// The estimate of analysis `command` for the raw parameters: validates them
// against the catalogue (throwing the ParameterError the query would), then calls
// the analysis's estimator below; an analysis with none (info, countries, groups,
// ideal-latest, ...) or an unknown name estimates 0. The catalogue's
// AnalysisSpec::work of each costly analysis returns the same estimate's seconds.
WorkEstimate estimate_work(Context& ctx, std::string_view command, const Params& params);

// pairs x periods x (1 + bootstrap replicates when ci is set).
WorkEstimate estimate_agree(Context& ctx, const Request& r);
// roll calls x group members x (1 + null replicates), + roll calls x boot.
WorkEstimate estimate_cohesion(Context& ctx, const Request& r);
// both groups' cohesion, + roll calls x paired bootstrap replicates (at least 100).
WorkEstimate estimate_cohesion_compare(Context& ctx, const Request& r);
// periods x gamma steps x runs x states^2 (gamma steps = 1 without scan).
WorkEstimate estimate_blocs(Context& ctx, const Request& r);
// states x pole members x periods.
WorkEstimate estimate_poles(Context& ctx, const Request& r);
// a x b x periods, or for a group roll calls x members.
WorkEstimate estimate_shifts(Context& ctx, const Request& r);

}  // namespace rostrum::query
