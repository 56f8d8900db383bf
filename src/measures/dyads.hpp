// Dyadic measures for many pairs and periods at once.
//
// The kernel counts the 4 x 4 joint-vote table of a pair over a period with 16
// popcounts per 64 roll calls (VoteMatrix bit-planes), so all ~20,000 pairs x 74
// sessions of the General Assembly take a fraction of a second. Pairs are
// processed in parallel (OpenMP); results do not depend on the thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/cancel.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/joint_counts.hpp"

namespace rostrum::measures {

// The joint-vote table of countries i and j over the roll calls set in `mask`,
// looking only at words [word_begin, word_end). O(word_end - word_begin).
JointCounts joint_counts(const VoteMatrix& m, int i, int j, const Word* mask, int word_begin, int word_end);

// Roll calls of `mask` on which the states that voted did not all vote alike
// (Voeten's filter for agree: a roll call where every voting state voted the same
// way says nothing about who agrees with whom). O(countries x words).
std::vector<Word> drop_unanimous(const VoteMatrix& m, const std::vector<Word>& mask);

struct BootstrapOptions {
  int replicates = 0;   // 0 = no interval
  double level = 0.95;  // two-sided percentile interval
  std::uint64_t seed = 1;
  // Polled every 1024 replicates; when it trips the interval is NaN. compute_dyads
  // sets it to the thread's current token and then raises Cancelled.
  const CancelToken* cancel = nullptr;
};

struct DyadResult {
  int a = 0, b = 0;  // country indices
  int period = 0;    // index into the periods passed in
  MeasureValue value;
  double lo = 0, hi = 0;  // NaN unless bootstrapped
};

// One result per (pair, period), pairs in the given order within each period,
// periods in order. Bootstrap: roll calls are resampled with replacement within
// each period; since every measure is a function of the joint table, a
// replicate is a multinomial draw of the period's K roll calls over the 16 cells
// plus "not both recorded" -- the same distribution as resampling roll calls, at
// O(16) per replicate. Seeds derive from (seed, pair, period) so results do not
// depend on threads.
std::vector<DyadResult> compute_dyads(const VoteMatrix& m, const std::vector<std::pair<int, int>>& pairs,
                                      const std::vector<Period>& periods, Measure measure, CoincidenceRule rule,
                                      const BootstrapOptions& boot = {});

// The results of compute_dyads, handed to `emit` in order, `chunk_results` at a
// time (the last call may have fewer; a period may span calls), so that a caller
// writing rows as they come never holds them all: all pairs x 74 sessions are
// 1.4 million results (77 MB), one chunk of the default size 450 KB. The same
// numbers as compute_dyads, whatever the chunk size.
void compute_dyads_chunked(const VoteMatrix& m, const std::vector<std::pair<int, int>>& pairs,
                           const std::vector<Period>& periods, Measure measure, CoincidenceRule rule,
                           const BootstrapOptions& boot, const std::function<void(std::span<const DyadResult>)>& emit,
                           std::size_t chunk_results = std::size_t{1} << 13);

// Percentile interval of a measure by bootstrap from one joint table over K
// roll calls. Exposed for tests.
std::pair<double, double> bootstrap_interval(const JointCounts& t, std::int64_t rollcalls, Measure measure,
                                             CoincidenceRule rule, const BootstrapOptions& boot, std::uint64_t stream);

}  // namespace rostrum::measures
