// Sufficient statistics of a dyad: the 4 x 4 table of joint votes over a set of
// roll calls (rows: state a's vote, columns: state b's vote; Yes, Abstain, No,
// NonVoting). Every dyadic measure in rostrum is a function of this table, which
// adds up over roll calls; this is what lets all pairs x all periods be computed
// from popcounts, and the bootstrap be drawn as a multinomial over 16 cells.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace rostrum::measures {

enum VoteIndex { kY = 0, kA = 1, kN = 2, kX = 3 };

struct JointCounts {
  std::array<std::int64_t, 16> cell{};  // cell[4 * a_vote + b_vote]
  std::int64_t at(int a, int b) const { return cell[4 * a + b]; }
  // Roll calls where both cast Yes, Abstain or No.
  std::int64_t joint() const;
  JointCounts& operator+=(const JointCounts& o) {
    for (int k = 0; k < 16; ++k) cell[k] += o.cell[k];
    return *this;
  }
};

// The dyadic measures (definitions and sources in docs/methods.md).
enum class Measure {
  agree,        // Voeten: mean of 1 - |vi - vj| / 2 over joint votes
  coincidence,  // US State Department voting coincidence (see CoincidenceRule)
  s,            // Signorino & Ritter S, absolute distance, dmax = 2
  s2,           // Signorino & Ritter S, squared distance, dmax = 4
  kappa,        // Cohen's kappa with quadratic weights (Haege 2011)
  pi,           // Scott's pi with quadratic weights (Haege 2011)
  a,            // chance-adjusted S: S - E[S] under independent marginals
};
Measure parse_measure(std::string_view name);  // throws UsageError naming 'measure'
std::string_view measure_name(Measure m);

// State Department presets ("Voting Practices in the United Nations").
enum class CoincidenceRule {
  votes_only,            // to 2016: same / (same + opposite)
  partial,               // 2017-2020: (same + 0.5 partial) / (same + opposite + partial)
  nonvoting_as_abstain,  // 2021-: as partial, a non-voting member counted as abstaining
};
CoincidenceRule parse_coincidence_rule(std::string_view name);

struct MeasureValue {
  double value = 0;         // NaN when undefined (n = 0)
  std::int64_t n = 0;       // the count the measure is computed over
  bool degenerate = false;  // zero denominator in kappa/pi (value 0 by Haege's convention)
};

MeasureValue compute(Measure m, const JointCounts& t, CoincidenceRule rule = CoincidenceRule::partial);

}  // namespace rostrum::measures
