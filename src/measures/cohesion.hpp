// Cohesion of a group of states, per roll call, averaged over a period, with a
// simulated null for the small-group bias, and each member's defection rate.
//
// Per roll call, among the group's members on the roll call's date that cast a
// vote (absences excluded): Y, N, A counts, T = Y + N + A, m = max(Y, N, A).
//   Rice     = |Y - N| / (Y + N)                 (Rice 1925)
//   Attina   = (2m - T) / T                      (Attina 1990)
//   AI       = (1.5 m - 0.5 T) / T               (Hix, Noury & Roland 2005)
// Roll calls with T < 2 (and for Rice, Y + N = 0) are skipped: one voter says
// nothing about cohesion. See docs/methods.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/cancel.hpp"
#include "matrix/vote_matrix.hpp"

namespace rostrum::measures {

enum class CohesionIndex { rice, attina, ai };
CohesionIndex parse_cohesion_index(std::string_view name);  // throws UsageError naming 'index'
std::string_view cohesion_index_name(CohesionIndex i);

// The three indices of one roll call; NaN when undefined.
double cohesion_of_counts(CohesionIndex index, std::int64_t yes, std::int64_t no, std::int64_t abstain);

struct CohesionOptions {
  CohesionIndex index = CohesionIndex::ai;
  int null_replicates = 200;  // 0 = no null
  int boot = 0;               // bootstrap replicates over roll calls for the intervals (0 = none)
  double level = 0.95;
  std::uint64_t seed = 1;
  // Polled per period and replicate; cohesion() and compare_cohesion() set it to
  // the thread's current token and raise Cancelled when it trips.
  const CancelToken* cancel = nullptr;
};

struct CohesionResult {
  int period = 0;
  double value = 0;  // mean over counted roll calls; NaN when none
  std::int64_t rollcalls = 0;
  double mean_members = 0;                         // average number of voting members per counted roll call
  double null_mean = 0, null_lo = 0, null_hi = 0;  // NaN without a null
  // Percentile interval of value from resampling the period's roll calls (NaN without boot).
  double value_lo = 0, value_hi = 0;
  // Null-adjusted index (value - null_mean) / (1 - null_mean): 0 = no more cohesive
  // than random voting with the group's own vote shares, 1 = unanimous; comparable
  // across group sizes. Its interval from the same bootstrap (null held at its mean).
  double adjusted = 0, adjusted_lo = 0, adjusted_hi = 0;
};

// (value - null) / (1 - null); NaN when either is undefined or null >= 1.
double null_adjusted(double value, double null_mean);

// `member(country, date)`: whether the matrix's country is in the group on that
// date. The null draws each voting member's vote independently from the group's
// pooled Y/A/N distribution in the period, keeping each roll call's T, and
// reports the mean and percentile interval of the period's index over replicates.
// O(rollcalls x members x (1 + replicates)).
std::vector<CohesionResult> cohesion(const VoteMatrix& m, const std::function<bool(int, Date)>& member,
                                     const std::vector<Period>& periods, const CohesionOptions& options);

// Is group A more cohesive than group B in each period? Both groups' indices on
// the same resampled roll calls (paired bootstrap over the period's roll calls),
// compared on the null-adjusted scale so that group size does not decide.
struct CohesionComparison {
  int period = 0;
  CohesionResult a, b;         // each group's cohesion (with null and bootstrap intervals)
  double difference = 0;       // a.adjusted - b.adjusted
  double lo = 0, hi = 0;       // percentile interval of the difference
  double p_not_greater = 0;    // share of replicates with difference <= 0 (one-sided p for "A > B")
  std::int64_t rollcalls = 0;  // roll calls in the period
};
// options.boot replicates (at least 100 are used); O(rollcalls x members x (boot + null)).
std::vector<CohesionComparison> compare_cohesion(const VoteMatrix& m, const std::function<bool(int, Date)>& member_a,
                                                 const std::function<bool(int, Date)>& member_b,
                                                 const std::vector<Period>& periods, const CohesionOptions& options);

struct DefectionResult {
  int country = 0;
  int period = 0;
  std::int64_t votes = 0;       // roll calls where the member voted and the group had a strict plurality
  std::int64_t defections = 0;  // of those, votes different from the group's plurality
  double rate = 0;              // defections / votes; NaN when votes = 0
};
std::vector<DefectionResult> defections(const VoteMatrix& m, const std::function<bool(int, Date)>& member,
                                        const std::vector<Period>& periods);

}  // namespace rostrum::measures
