#include "measures/cohesion.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/seed.hpp"
#include "core/stats.hpp"

namespace rostrum::measures {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool in_mask(const std::vector<Word>& mask, int r) { return (mask[r / kWordBits] >> (r % kWordBits)) & 1; }

struct RollCallCounts {
  std::int64_t y = 0, n = 0, a = 0;
};
}  // namespace

CohesionIndex parse_cohesion_index(std::string_view name) {
  if (name == "rice") return CohesionIndex::rice;
  if (name == "attina") return CohesionIndex::attina;
  if (name == "ai" || name == "hnr") return CohesionIndex::ai;
  throw UsageError("parameter 'index': unknown cohesion index '" + std::string(name) +
                   "' (expected rice, attina or ai)");
}

std::string_view cohesion_index_name(CohesionIndex i) {
  switch (i) {
    case CohesionIndex::rice:
      return "rice";
    case CohesionIndex::attina:
      return "attina";
    case CohesionIndex::ai:
      return "ai";
  }
  return "?";
}

double cohesion_of_counts(CohesionIndex index, std::int64_t y, std::int64_t n, std::int64_t a) {
  const double t = static_cast<double>(y + n + a);
  const double m = static_cast<double>(std::max({y, n, a}));
  if (y + n + a < 2) return kNaN;
  switch (index) {
    case CohesionIndex::rice:
      if (y + n == 0) return kNaN;
      return std::fabs(static_cast<double>(y - n)) / static_cast<double>(y + n);
    case CohesionIndex::attina:
      return (2.0 * m - t) / t;
    case CohesionIndex::ai:
      return (1.5 * m - 0.5 * t) / t;
  }
  return kNaN;
}

namespace {

// The Y/N/A counts of the group's voting members on every roll call of the period
// (index -1 where the period does not hold the roll call or the index is undefined).
struct PeriodCounts {
  std::vector<int> rollcall;           // matrix index of each counted roll call
  std::vector<RollCallCounts> counts;  // parallel
  std::vector<int> position;           // per roll call of [r_begin, r_end): index into counts or -1
  int r_begin = 0;
};

PeriodCounts count_period(const VoteMatrix& m, const std::function<bool(int, Date)>& member, const Period& period,
                          CohesionIndex index) {
  PeriodCounts pc;
  pc.r_begin = period.word_begin * kWordBits;
  const int r_end = std::min(m.rollcalls(), period.word_end * kWordBits);
  pc.position.assign(std::max(0, r_end - pc.r_begin), -1);
  Date cached_date = -1;
  std::vector<int> members;
  for (int r = pc.r_begin; r < r_end; ++r) {
    if (!in_mask(period.mask, r)) continue;
    const Date d = m.rollcall_head(r).date;
    if (d != cached_date) {
      members.clear();
      for (int c = 0; c < m.countries(); ++c)
        if (member(c, d)) members.push_back(c);
      cached_date = d;
    }
    RollCallCounts k;
    for (int c : members) {
      switch (m.vote(c, r)) {
        case Vote::Yes:
          ++k.y;
          break;
        case Vote::No:
          ++k.n;
          break;
        case Vote::Abstain:
          ++k.a;
          break;
        default:
          break;
      }
    }
    if (!std::isnan(cohesion_of_counts(index, k.y, k.n, k.a))) {
      pc.position[r - pc.r_begin] = static_cast<int>(pc.counts.size());
      pc.rollcall.push_back(r);
      pc.counts.push_back(k);
    }
  }
  return pc;
}

// Mean index over counted roll calls, the members' mean turnout and the simulated
// null (members drawn from the group's pooled Y/N/A shares, each roll call's T kept).
CohesionResult summarise(const PeriodCounts& pc, const CohesionOptions& options, std::uint64_t stream) {
  CohesionResult res;
  res.rollcalls = static_cast<std::int64_t>(pc.counts.size());
  res.null_mean = res.null_lo = res.null_hi = kNaN;
  res.value_lo = res.value_hi = res.adjusted = res.adjusted_lo = res.adjusted_hi = kNaN;
  if (pc.counts.empty()) {
    res.value = kNaN;
    return res;
  }
  double sum = 0, voters = 0;
  std::int64_t ty = 0, tn = 0, ta = 0;
  for (const auto& k : pc.counts) {
    sum += cohesion_of_counts(options.index, k.y, k.n, k.a);
    voters += static_cast<double>(k.y + k.n + k.a);
    ty += k.y;
    tn += k.n;
    ta += k.a;
  }
  res.value = sum / static_cast<double>(pc.counts.size());
  res.mean_members = voters / static_cast<double>(pc.counts.size());
  const double alpha = (1.0 - options.level) / 2.0;
  if (options.null_replicates > 0) {
    std::mt19937_64 rng(stream_seed(options.seed, stream));
    std::discrete_distribution<int> pick({static_cast<double>(ty), static_cast<double>(tn), static_cast<double>(ta)});
    std::vector<double> reps;
    reps.reserve(options.null_replicates);
    for (int rep = 0; rep < options.null_replicates; ++rep) {
      if (cancel_requested(options.cancel)) break;
      double s = 0;
      std::int64_t used = 0;
      for (const auto& k : pc.counts) {
        RollCallCounts sim;
        for (std::int64_t v = 0; v < k.y + k.n + k.a; ++v) {
          switch (pick(rng)) {
            case 0:
              ++sim.y;
              break;
            case 1:
              ++sim.n;
              break;
            default:
              ++sim.a;
              break;
          }
        }
        double c = cohesion_of_counts(options.index, sim.y, sim.n, sim.a);
        if (!std::isnan(c)) {
          s += c;
          ++used;
        }
      }
      if (used) reps.push_back(s / static_cast<double>(used));
    }
    double mean = 0;
    for (double v : reps) mean += v;
    res.null_mean = reps.empty() ? kNaN : mean / static_cast<double>(reps.size());
    res.null_lo = quantile(reps, alpha);
    res.null_hi = quantile(reps, 1.0 - alpha);
  }
  res.adjusted = null_adjusted(res.value, res.null_mean);
  if (options.boot > 0) {
    // Roll calls resampled with replacement: the percentile interval of the mean index.
    std::mt19937_64 rng(stream_seed(options.seed ^ 0x5bd1e995ULL, stream));
    std::uniform_int_distribution<std::size_t> draw(0, pc.counts.size() - 1);
    std::vector<double> values, adjusted;
    values.reserve(options.boot);
    for (int rep = 0; rep < options.boot; ++rep) {
      if (cancel_requested(options.cancel)) break;
      double s = 0;
      for (std::size_t i = 0; i < pc.counts.size(); ++i) {
        const auto& k = pc.counts[draw(rng)];
        s += cohesion_of_counts(options.index, k.y, k.n, k.a);
      }
      const double v = s / static_cast<double>(pc.counts.size());
      values.push_back(v);
      adjusted.push_back(null_adjusted(v, res.null_mean));
    }
    res.value_lo = quantile(values, alpha);
    res.value_hi = quantile(values, 1.0 - alpha);
    if (std::isfinite(res.adjusted)) {
      res.adjusted_lo = quantile(adjusted, alpha);
      res.adjusted_hi = quantile(adjusted, 1.0 - alpha);
    }
  }
  return res;
}

}  // namespace

double null_adjusted(double value, double null_mean) {
  if (!std::isfinite(value) || !std::isfinite(null_mean) || null_mean >= 1.0) return kNaN;
  return (value - null_mean) / (1.0 - null_mean);
}

std::vector<CohesionResult> cohesion(const VoteMatrix& m, const std::function<bool(int, Date)>& member,
                                     const std::vector<Period>& periods, const CohesionOptions& options) {
  std::vector<CohesionResult> out(periods.size());
  CohesionOptions own = options;
  own.cancel = current_cancel_token();
#pragma omp parallel for schedule(dynamic, 1)
  for (std::size_t p = 0; p < periods.size(); ++p) {
    if (cancel_requested(own.cancel)) continue;
    out[p] = summarise(count_period(m, member, periods[p], options.index), own, static_cast<std::uint64_t>(p));
    out[p].period = static_cast<int>(p);
  }
  throw_if_cancelled(own.cancel);
  return out;
}

std::vector<CohesionComparison> compare_cohesion(const VoteMatrix& m, const std::function<bool(int, Date)>& member_a,
                                                 const std::function<bool(int, Date)>& member_b,
                                                 const std::vector<Period>& periods, const CohesionOptions& options) {
  std::vector<CohesionComparison> out(periods.size());
  const int boot = std::max(options.boot, 100);
  CohesionOptions own = options;
  own.boot = boot;
  own.cancel = current_cancel_token();
#pragma omp parallel for schedule(dynamic, 1)
  for (std::size_t p = 0; p < periods.size(); ++p) {
    if (cancel_requested(own.cancel)) continue;
    const PeriodCounts pa = count_period(m, member_a, periods[p], options.index);
    const PeriodCounts pb = count_period(m, member_b, periods[p], options.index);
    CohesionComparison& c = out[p];
    c.period = static_cast<int>(p);
    c.a = summarise(pa, own, 2 * p);
    c.b = summarise(pb, own, 2 * p + 1);
    c.a.period = c.b.period = c.period;
    c.rollcalls = 0;
    for (Word w : periods[p].mask) c.rollcalls += std::popcount(w);
    c.difference = c.a.adjusted - c.b.adjusted;
    c.lo = c.hi = c.p_not_greater = kNaN;
    if (!std::isfinite(c.difference) || pa.position.empty()) continue;
    // Paired: one resample of the period's roll calls serves both groups.
    std::vector<int> pool;
    for (std::size_t i = 0; i < pa.position.size(); ++i)
      if (pa.position[i] >= 0 || (i < pb.position.size() && pb.position[i] >= 0)) pool.push_back(static_cast<int>(i));
    std::mt19937_64 rng(stream_seed(options.seed ^ 0x27d4eb2fULL, p));
    std::uniform_int_distribution<std::size_t> draw(0, pool.size() - 1);
    std::vector<double> diffs;
    diffs.reserve(boot);
    std::int64_t not_greater = 0;
    for (int rep = 0; rep < boot; ++rep) {
      if (cancel_requested(own.cancel)) break;
      double sa = 0, sb = 0;
      std::int64_t na = 0, nb = 0;
      for (std::size_t i = 0; i < pool.size(); ++i) {
        const int at = pool[draw(rng)];
        if (const int k = pa.position[at]; k >= 0) {
          const auto& x = pa.counts[k];
          sa += cohesion_of_counts(options.index, x.y, x.n, x.a);
          ++na;
        }
        if (const int k = at < static_cast<int>(pb.position.size()) ? pb.position[at] : -1; k >= 0) {
          const auto& x = pb.counts[k];
          sb += cohesion_of_counts(options.index, x.y, x.n, x.a);
          ++nb;
        }
      }
      if (!na || !nb) continue;
      const double d = null_adjusted(sa / na, c.a.null_mean) - null_adjusted(sb / nb, c.b.null_mean);
      if (!std::isfinite(d)) continue;
      diffs.push_back(d);
      if (d <= 0) ++not_greater;
    }
    if (diffs.empty()) continue;
    c.p_not_greater = static_cast<double>(not_greater) / static_cast<double>(diffs.size());
    const double alpha = (1.0 - options.level) / 2.0;
    c.lo = quantile(diffs, alpha);
    c.hi = quantile(diffs, 1.0 - alpha);
  }
  throw_if_cancelled(own.cancel);
  return out;
}

std::vector<DefectionResult> defections(const VoteMatrix& m, const std::function<bool(int, Date)>& member,
                                        const std::vector<Period>& periods) {
  std::vector<DefectionResult> out;
  for (std::size_t p = 0; p < periods.size(); ++p) {
    const Period& period = periods[p];
    std::vector<DefectionResult> rows(m.countries());
    const int r_begin = period.word_begin * kWordBits;
    const int r_end = std::min(m.rollcalls(), period.word_end * kWordBits);
    std::vector<int> members;
    for (int r = r_begin; r < r_end; ++r) {
      if (!in_mask(period.mask, r)) continue;
      const Date d = m.rollcall_head(r).date;
      members.clear();
      for (int c = 0; c < m.countries(); ++c)
        if (member(c, d)) members.push_back(c);
      std::int64_t k[4] = {0, 0, 0, 0};
      for (int c : members) {
        Vote v = m.vote(c, r);
        if (is_cast(v)) ++k[static_cast<int>(v)];
      }
      // The group's position: a strict plurality; ties give no position.
      int best = 1;
      for (int v = 2; v <= 3; ++v)
        if (k[v] > k[best]) best = v;
      int ties = 0;
      for (int v = 1; v <= 3; ++v) ties += k[v] == k[best];
      if (ties > 1 || k[best] == 0) continue;
      for (int c : members) {
        Vote v = m.vote(c, r);
        if (!is_cast(v)) continue;
        rows[c].votes++;
        if (static_cast<int>(v) != best) rows[c].defections++;
      }
    }
    for (int c = 0; c < m.countries(); ++c) {
      if (rows[c].votes == 0) continue;
      rows[c].country = c;
      rows[c].period = static_cast<int>(p);
      rows[c].rate = static_cast<double>(rows[c].defections) / static_cast<double>(rows[c].votes);
      out.push_back(rows[c]);
    }
  }
  return out;
}

}  // namespace rostrum::measures
