#include "measures/poles.hpp"

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "core/seed.hpp"

namespace rostrum::measures {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int code(Vote v) { return is_cast(v) ? static_cast<int>(v) : 0; }
}  // namespace

double projection_on_poles(double agree_a, double agree_b, double agree_ab) {
  const double da = 1.0 - agree_a, db = 1.0 - agree_b, dab = 1.0 - agree_ab;
  if (!std::isfinite(da) || !std::isfinite(db) || !std::isfinite(dab) || dab <= 0) return kNaN;
  return (da * da - db * db + dab * dab) / (2.0 * dab * dab);
}

PoleContributions pole_contributions(const VoteMatrix& m, const std::vector<int>& pole_a,
                                     const std::vector<int>& pole_b, const std::vector<Word>& mask) {
  PoleContributions c;
  c.countries = m.countries();
  for (int w = 0; w < static_cast<int>(mask.size()); ++w)
    for (Word bits = mask[w]; bits; bits &= bits - 1) c.rollcalls.push_back(w * kWordBits + std::countr_zero(bits));
  const std::size_t cells = c.rollcalls.size() * static_cast<std::size_t>(c.countries);
  c.sum_a.assign(cells, 0);
  c.n_a.assign(cells, 0);
  c.sum_b.assign(cells, 0);
  c.n_b.assign(cells, 0);
  c.sum_ab.assign(c.rollcalls.size(), 0);
  c.n_ab.assign(c.rollcalls.size(), 0);
  std::vector<int> votes(c.countries);
#pragma omp parallel for schedule(static) firstprivate(votes)
  for (std::size_t k = 0; k < c.rollcalls.size(); ++k) {
    const int r = c.rollcalls[k];
    for (int x = 0; x < c.countries; ++x) votes[x] = code(m.vote(x, r));
    auto add = [&](const std::vector<int>& pole, int x, float& sum, float& n) {
      if (!votes[x]) return;
      for (int p : pole) {
        if (p == x || !votes[p]) continue;
        sum += 1.0F - static_cast<float>(std::abs(votes[x] - votes[p])) / 2.0F;
        n += 1.0F;
      }
    };
    const std::size_t row = k * static_cast<std::size_t>(c.countries);
    for (int x = 0; x < c.countries; ++x) {
      add(pole_a, x, c.sum_a[row + x], c.n_a[row + x]);
      add(pole_b, x, c.sum_b[row + x], c.n_b[row + x]);
    }
    for (int a : pole_a)
      for (int b : pole_b)
        if (a != b && votes[a] && votes[b]) {
          c.sum_ab[k] += 1.0 - std::abs(votes[a] - votes[b]) / 2.0;
          c.n_ab[k] += 1.0;
        }
  }
  return c;
}

PolePositions pole_positions(const PoleContributions& c, const std::vector<int>& weight) {
  PolePositions out;
  const int n = c.countries;
  std::vector<double> sa(n, 0), na(n, 0), sb(n, 0), nb(n, 0);
  double sab = 0, nab = 0;
  for (std::size_t k = 0; k < c.rollcalls.size(); ++k) {
    if (!weight[k]) continue;
    const double w = weight[k];
    const std::size_t row = k * static_cast<std::size_t>(n);
    for (int x = 0; x < n; ++x) {
      sa[x] += w * c.sum_a[row + x];
      na[x] += w * c.n_a[row + x];
      sb[x] += w * c.sum_b[row + x];
      nb[x] += w * c.n_b[row + x];
    }
    sab += w * c.sum_ab[k];
    nab += w * c.n_ab[k];
  }
  out.agree_ab = nab > 0 ? sab / nab : kNaN;
  out.to_a.resize(n);
  out.to_b.resize(n);
  out.position.resize(n);
  out.n_a = na;
  out.n_b = nb;
  for (int x = 0; x < n; ++x) {
    out.to_a[x] = na[x] > 0 ? sa[x] / na[x] : kNaN;
    out.to_b[x] = nb[x] > 0 ? sb[x] / nb[x] : kNaN;
    out.position[x] = projection_on_poles(out.to_a[x], out.to_b[x], out.agree_ab);
  }
  return out;
}

std::vector<double> bootstrap_positions(const PoleContributions& c, int replicates, std::uint64_t seed) {
  const std::size_t k = c.rollcalls.size();
  std::vector<double> out(static_cast<std::size_t>(replicates) * c.countries, kNaN);
  if (k == 0) return out;
#pragma omp parallel for schedule(dynamic, 4)
  for (int rep = 0; rep < replicates; ++rep) {
    std::mt19937_64 rng(stream_seed(seed, static_cast<std::uint64_t>(rep)));
    std::uniform_int_distribution<std::size_t> draw(0, k - 1);
    std::vector<int> weight(k, 0);
    for (std::size_t i = 0; i < k; ++i) ++weight[draw(rng)];
    const PolePositions p = pole_positions(c, weight);
    std::copy(p.position.begin(), p.position.end(), out.begin() + static_cast<std::ptrdiff_t>(rep) * c.countries);
  }
  return out;
}

}  // namespace rostrum::measures
