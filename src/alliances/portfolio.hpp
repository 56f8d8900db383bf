// Alliance-portfolio similarity: each state's vector of alliance ties with every
// member of the state system in a year, compared across a pair.
//
// Signorino, C. S. & Ritter, J. M. (1999), "Tau-b or not tau-b: measuring the
// similarity of foreign policy positions", International Studies Quarterly
// 43(1): 115-144 -- S was introduced for exactly this comparison of alliance
// portfolios (their section on alliance portfolios, Table 6). Haege, F. M.
// (2011), "Choice or circumstance? Adjusting measures of foreign policy
// similarity for chance agreement", Political Analysis 19(3): 287-305:
// Cohen's kappa and Scott's pi with quadratic weights. Definitions, weights and
// the state system: docs/methods-alliances.md.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "alliances/alliances.hpp"

namespace rostrum::alliances {

// The value of a tie in a portfolio: the largest weight among its obligation
// types (either direction); no tie is 0 and a state's tie with itself is `self`.
// Defaults: defense or offense 3, neutrality or non-aggression 2, consultation 1
// (the ordering of Signorino & Ritter's COW-based coding -- defence pact 3,
// neutrality/non-aggression 2, entente 1 -- carried over to ATOP's types).
struct PortfolioWeights {
  std::array<double, 5> by_type = {3, 3, 2, 2, 1};  // defense, offense, neutral, nonagg, consul
  double self = 3;
  double top() const;  // the scale's maximum: the largest weight (dmax for S)
};
double tie_value(std::uint8_t obligations, const PortfolioWeights& w);

struct Similarity {
  double s = 0;             // 1 - 2 d / dmax, d = mean |x - y|, dmax = top
  double s2 = 0;            // 1 - 2 d / dmax, d = mean (x - y)^2, dmax = top^2
  double kappa = 0;         // 1 - SSD / (Q1 + Q2 - 2 S1 S2 / n)
  double pi = 0;            // 1 - SSD / (Q1 + Q2 - (S1 + S2)^2 / (2n))
  std::int64_t n = 0;       // length of the vectors (states in the system)
  bool degenerate = false;  // a zero kappa/pi denominator: 0 by Haege's convention
};
// Additive sums of two vectors: n, S1 = sum x, S2 = sum y, Q1 = sum x^2,
// Q2 = sum y^2, SAD = sum |x - y|, SSD = sum (x - y)^2.
struct PairSums {
  std::int64_t n = 0;
  double s1 = 0, s2 = 0, q1 = 0, q2 = 0, sad = 0, ssd = 0;
};
Similarity similarity(const PairSums& sums, double top);
// Dense vectors on the scale [0, top]. O(n).
Similarity similarity(std::span<const double> x, std::span<const double> y, double top);

// The COW state system by year as registry indices (registry::cow_system_members),
// cached per year.
class StateSystem {
 public:
  const std::vector<int>& members(int year);
  bool contains(int year, int state);

 private:
  std::vector<std::vector<int>> by_year_;
  std::vector<bool> built_;
};

// Portfolio similarity of registry states a and b in `year`, over the COW system
// of that year (ties with states outside it are left out). nullopt-like: n = 0
// when the year is not covered by a complete source or a or b is not in the
// system. O(ties of a and b in the year).
Similarity portfolio_similarity(const AllianceData& data, StateSystem& system, int a, int b, int year,
                                const PortfolioWeights& weights = {});

}  // namespace rostrum::alliances
