// Where a state stands between two poles, and how sure we are: each state's pooled
// agreement with pole A and pole B (Voeten's agreement, pooled over the poles'
// members), its position on the segment between the poles, and bootstrap
// intervals from resampling roll calls -- the same resample for every state and
// for the poles' own agreement, so positions within a period stay comparable.
#pragma once

#include <cstdint>
#include <vector>

#include "matrix/vote_matrix.hpp"

namespace rostrum::measures {

// Position on the segment from pole A (0) to pole B (1) relative to the poles' own
// distance: with d = 1 - agreement, the projection of the state on the line
// through the poles, t = (d_a^2 - d_b^2 + d_ab^2) / (2 d_ab^2) (law of cosines; the
// classical scaling of three points, Torgerson 1952, doi:10.1007/BF02288916).
// NaN when d_ab <= 0 or a value is missing. O(1).
double projection_on_poles(double agree_a, double agree_b, double agree_ab);

// Per roll call of a selection, the agreement sums and joint-vote counts of every
// state with each pole, and of the poles with each other (pairs of a pole member
// with itself are skipped). Agreement of a pair on a roll call = 1 - |v_i - v_j|/2
// over Yes = 1, Abstain = 2, No = 3 (Voeten 2000). O(rollcalls x countries x
// pole members).
struct PoleContributions {
  int countries = 0;
  std::vector<int> rollcalls;     // matrix indices of the selected roll calls
  std::vector<float> sum_a, n_a;  // [rollcall * countries + country]
  std::vector<float> sum_b, n_b;
  std::vector<double> sum_ab, n_ab;  // [rollcall]
};
PoleContributions pole_contributions(const VoteMatrix& m, const std::vector<int>& pole_a,
                                     const std::vector<int>& pole_b, const std::vector<Word>& mask);

struct PolePositions {
  std::vector<double> to_a, to_b, position;  // per country; NaN where undefined
  std::vector<double> n_a, n_b;              // joint votes with each pole
  double agree_ab = 0;                       // the poles' own agreement
};
// With weight[k] copies of roll call k (all 1 for the point estimate; a
// multinomial draw for a bootstrap replicate).
PolePositions pole_positions(const PoleContributions& c, const std::vector<int>& weight);

// B bootstrap replicates of every state's position: replicate-major
// [replicate * countries + country]. Deterministic for a seed.
std::vector<double> bootstrap_positions(const PoleContributions& c, int replicates, std::uint64_t seed);

}  // namespace rostrum::measures
