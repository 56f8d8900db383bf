#include "alliances/portfolio.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "registry/cow.hpp"

namespace rostrum::alliances {

double PortfolioWeights::top() const { return std::max(self, *std::max_element(by_type.begin(), by_type.end())); }

double tie_value(std::uint8_t obligations, const PortfolioWeights& w) {
  double v = 0;
  for (std::size_t k = 0; k < w.by_type.size(); ++k)
    if (obligations & (1u << k)) v = std::max(v, w.by_type[k]);
  return v;
}

Similarity similarity(const PairSums& t, double top) {
  Similarity out;
  out.n = t.n;
  if (t.n == 0) return out;
  const double n = static_cast<double>(t.n);
  out.s = 1.0 - 2.0 * (t.sad / n) / top;
  out.s2 = 1.0 - 2.0 * (t.ssd / n) / (top * top);
  const double kappa_den = t.q1 + t.q2 - 2.0 * t.s1 * t.s2 / n;
  const double pi_den = t.q1 + t.q2 - (t.s1 + t.s2) * (t.s1 + t.s2) / (2.0 * n);
  // Haege (2011): a zero denominator (both vectors constant) gives 0, flagged.
  if (std::fabs(kappa_den) < 1e-12 || std::fabs(pi_den) < 1e-12) out.degenerate = true;
  out.kappa = std::fabs(kappa_den) < 1e-12 ? 0.0 : 1.0 - t.ssd / kappa_den;
  out.pi = std::fabs(pi_den) < 1e-12 ? 0.0 : 1.0 - t.ssd / pi_den;
  return out;
}

Similarity similarity(std::span<const double> x, std::span<const double> y, double top) {
  PairSums t;
  t.n = static_cast<std::int64_t>(std::min(x.size(), y.size()));
  for (std::size_t k = 0; k < static_cast<std::size_t>(t.n); ++k) {
    t.s1 += x[k];
    t.s2 += y[k];
    t.q1 += x[k] * x[k];
    t.q2 += y[k] * y[k];
    t.sad += std::fabs(x[k] - y[k]);
    t.ssd += (x[k] - y[k]) * (x[k] - y[k]);
  }
  return similarity(t, top);
}

const std::vector<int>& StateSystem::members(int year) {
  const int offset = year - 1800;
  if (offset < 0 || offset > 400) {
    static const std::vector<int> kEmpty;
    return kEmpty;
  }
  const auto k = static_cast<std::size_t>(offset);
  if (by_year_.size() <= k) {
    by_year_.resize(k + 1);
    built_.resize(k + 1, false);
  }
  if (!built_[k]) {
    by_year_[k] = registry::cow_system_members(year);
    built_[k] = true;
  }
  return by_year_[k];
}

bool StateSystem::contains(int year, int state) {
  const auto& m = members(year);
  return std::binary_search(m.begin(), m.end(), state);
}

Similarity portfolio_similarity(const AllianceData& data, StateSystem& system, int a, int b, int year,
                                const PortfolioWeights& weights) {
  if (!data.complete(year) || !system.contains(year, a) || !system.contains(year, b) || a == b) return {};
  // Sparse vectors: value of each system state for a and for b (0 when absent).
  std::map<int, std::pair<double, double>> v;
  v[a].first = weights.self;
  v[b].second = weights.self;
  for (const auto& p : data.partners(a, year))
    if (system.contains(year, p.state)) v[p.state].first = tie_value(p.obligations, weights);
  for (const auto& p : data.partners(b, year))
    if (system.contains(year, p.state)) v[p.state].second = tie_value(p.obligations, weights);
  PairSums t;
  t.n = static_cast<std::int64_t>(system.members(year).size());
  for (const auto& [state, xy] : v) {
    const auto [x, y] = xy;
    t.s1 += x;
    t.s2 += y;
    t.q1 += x * x;
    t.q2 += y * y;
    t.sad += std::fabs(x - y);
    t.ssd += (x - y) * (x - y);
  }
  return similarity(t, weights.top());
}

}  // namespace rostrum::alliances
