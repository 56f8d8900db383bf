#include "measures/dyads.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <tuple>

#include "core/cancel.hpp"
#include "core/seed.hpp"
#include "core/stats.hpp"

namespace rostrum::measures {

JointCounts joint_counts(const VoteMatrix& m, int i, int j, const Word* mask, int wb, int we) {
  JointCounts t;
  const Word* pi[4] = {m.yes(i), m.abstain(i), m.no(i), m.nonvoting(i)};
  const Word* pj[4] = {m.yes(j), m.abstain(j), m.no(j), m.nonvoting(j)};
  for (int w = wb; w < we; ++w) {
    const Word mw = mask[w];
    if (!mw) continue;
    for (int a = 0; a < 4; ++a) {
      const Word ai = pi[a][w] & mw;
      if (!ai) continue;
      for (int b = 0; b < 4; ++b) t.cell[4 * a + b] += std::popcount(ai & pj[b][w]);
    }
  }
  return t;
}

std::vector<Word> drop_unanimous(const VoteMatrix& m, const std::vector<Word>& mask) {
  const int nw = m.words();
  std::vector<Word> any_y(nw, 0), any_a(nw, 0), any_n(nw, 0);
  for (int c = 0; c < m.countries(); ++c) {
    const Word *y = m.yes(c), *a = m.abstain(c), *n = m.no(c);
    for (int w = 0; w < nw; ++w) {
      any_y[w] |= y[w];
      any_a[w] |= a[w];
      any_n[w] |= n[w];
    }
  }
  std::vector<Word> out(nw);
  for (int w = 0; w < nw; ++w) {
    const Word only_one =
        (any_y[w] & ~any_a[w] & ~any_n[w]) | (~any_y[w] & any_a[w] & ~any_n[w]) | (~any_y[w] & ~any_a[w] & any_n[w]);
    out[w] = mask[w] & ~only_one;
  }
  return out;
}

std::pair<double, double> bootstrap_interval(const JointCounts& t, std::int64_t rollcalls, Measure measure,
                                             CoincidenceRule rule, const BootstrapOptions& boot, std::uint64_t stream) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (boot.replicates <= 0 || rollcalls <= 0) return {kNaN, kNaN};
  std::int64_t recorded = 0;
  for (auto c : t.cell) recorded += c;
  const std::int64_t rest = std::max<std::int64_t>(0, rollcalls - recorded);
  std::mt19937_64 rng(stream_seed(boot.seed, stream));
  std::vector<double> values;
  values.reserve(boot.replicates);
  for (int r = 0; r < boot.replicates; ++r) {
    if ((r & 1023) == 0 && cancel_requested(boot.cancel)) return {kNaN, kNaN};
    // Multinomial(K; cells/K) by sequential conditional binomials.
    JointCounts draw;
    std::int64_t remaining_n = rollcalls, remaining_mass = rollcalls;
    for (int k = 0; k < 16 && remaining_n > 0; ++k) {
      if (t.cell[k] == 0) continue;
      const double p = std::min(1.0, static_cast<double>(t.cell[k]) / static_cast<double>(remaining_mass));
      std::binomial_distribution<std::int64_t> bin(remaining_n, p);
      const std::int64_t x = p >= 1.0 ? remaining_n : bin(rng);
      draw.cell[k] = x;
      remaining_n -= x;
      remaining_mass -= t.cell[k];
    }
    (void)rest;  // the draws left over fall in "not both recorded"
    MeasureValue v = compute(measure, draw, rule);
    if (v.n > 0 && std::isfinite(v.value)) values.push_back(v.value);
  }
  const double alpha = (1.0 - boot.level) / 2.0;
  return {quantile(values, alpha), quantile(values, 1.0 - alpha)};
}

namespace {

// Results idx_begin..idx_end of the flattened (period, pair) sequence -- period
// p's pair q is index p * pairs.size() + q -- into `out`, in parallel. The
// bootstrap stream depends on the pair and the period's index in `periods`, so
// any split of the sequence gives the numbers the whole call would.
void compute_dyad_range(const VoteMatrix& m, const std::vector<std::pair<int, int>>& pairs,
                        const std::vector<Period>& periods, const std::vector<std::int64_t>& period_size,
                        std::size_t idx_begin, std::size_t idx_end, Measure measure, CoincidenceRule rule,
                        const BootstrapOptions& boot, DyadResult* out) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const std::size_t np = pairs.size();
  const auto total = static_cast<std::int64_t>(idx_end - idx_begin);
  // Polled per (pair, period), and by the bootstrap every 1024 replicates.
  const CancelToken* cancel = current_cancel_token();
  BootstrapOptions bootstrap = boot;
  bootstrap.cancel = cancel;
  // A short range (one pair over every session, say) runs on this thread: a team
  // would leave all but one thread idle, spinning on after the loop.
#pragma omp parallel for schedule(dynamic, 256) if (total > 256)
  for (std::int64_t idx = 0; idx < total; ++idx) {
    if (cancel_requested(cancel)) continue;
    const std::size_t at = idx_begin + static_cast<std::size_t>(idx);
    const std::size_t p = at / np, q = at % np;
    const Period& period = periods[p];
    const auto [a, b] = pairs[q];
    JointCounts t = joint_counts(m, a, b, period.mask.data(), period.word_begin, period.word_end);
    DyadResult& r = out[idx];
    r.a = a;
    r.b = b;
    r.period = static_cast<int>(p);
    r.value = compute(measure, t, rule);
    r.lo = r.hi = kNaN;
    if (boot.replicates > 0 && r.value.n > 0) {
      const std::uint64_t stream = (static_cast<std::uint64_t>(a) << 40) ^ (static_cast<std::uint64_t>(b) << 20) ^ p;
      std::tie(r.lo, r.hi) = bootstrap_interval(t, period_size[p], measure, rule, bootstrap, stream);
    }
  }
  throw_if_cancelled(cancel);
}

std::vector<std::int64_t> period_sizes(const std::vector<Period>& periods) {
  std::vector<std::int64_t> sizes(periods.size());
  for (std::size_t p = 0; p < periods.size(); ++p) {
    std::int64_t k = 0;
    for (int w = periods[p].word_begin; w < periods[p].word_end; ++w) k += std::popcount(periods[p].mask[w]);
    sizes[p] = k;
  }
  return sizes;
}

}  // namespace

std::vector<DyadResult> compute_dyads(const VoteMatrix& m, const std::vector<std::pair<int, int>>& pairs,
                                      const std::vector<Period>& periods, Measure measure, CoincidenceRule rule,
                                      const BootstrapOptions& boot) {
  std::vector<DyadResult> out(pairs.size() * periods.size());
  compute_dyad_range(m, pairs, periods, period_sizes(periods), 0, out.size(), measure, rule, boot, out.data());
  return out;
}

void compute_dyads_chunked(const VoteMatrix& m, const std::vector<std::pair<int, int>>& pairs,
                           const std::vector<Period>& periods, Measure measure, CoincidenceRule rule,
                           const BootstrapOptions& boot, const std::function<void(std::span<const DyadResult>)>& emit,
                           std::size_t chunk_results) {
  if (pairs.empty() || periods.empty()) return;
  const auto sizes = period_sizes(periods);
  const std::size_t total = pairs.size() * periods.size();
  const std::size_t chunk = std::clamp<std::size_t>(chunk_results, 1, total);
  std::vector<DyadResult> buffer(chunk);
  for (std::size_t begin = 0; begin < total; begin += chunk) {
    const std::size_t end = std::min(total, begin + chunk);
    compute_dyad_range(m, pairs, periods, sizes, begin, end, measure, rule, boot, buffer.data());
    emit(std::span<const DyadResult>(buffer.data(), end - begin));
  }
}

}  // namespace rostrum::measures
