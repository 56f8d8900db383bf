#include "measures/cohesion.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

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
  throw UsageError("parameter 'index': unknown cohesion index '" + std::string(name) + "' (expected rice, attina or ai)");
}

std::string_view cohesion_index_name(CohesionIndex i) {
  switch (i) {
    case CohesionIndex::rice: return "rice";
    case CohesionIndex::attina: return "attina";
    case CohesionIndex::ai: return "ai";
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
    case CohesionIndex::attina: return (2.0 * m - t) / t;
    case CohesionIndex::ai: return (1.5 * m - 0.5 * t) / t;
  }
  return kNaN;
}

std::vector<CohesionResult> cohesion(const VoteMatrix& m, const std::function<bool(int, Date)>& member,
                                     const std::vector<Period>& periods, const CohesionOptions& options) {
  std::vector<CohesionResult> out(periods.size());
#pragma omp parallel for schedule(dynamic, 1)
  for (std::size_t p = 0; p < periods.size(); ++p) {
    const Period& period = periods[p];
    std::vector<RollCallCounts> counts;
    const int r_begin = period.word_begin * kWordBits;
    const int r_end = std::min(m.rollcalls(), period.word_end * kWordBits);
    Date cached_date = -1;
    std::vector<int> members;
    for (int r = r_begin; r < r_end; ++r) {
      if (!in_mask(period.mask, r)) continue;
      const Date d = m.rollcall(r).date;
      if (d != cached_date) {
        members.clear();
        for (int c = 0; c < m.countries(); ++c)
          if (member(c, d)) members.push_back(c);
        cached_date = d;
      }
      RollCallCounts k;
      for (int c : members) {
        switch (m.vote(c, r)) {
          case Vote::Yes: ++k.y; break;
          case Vote::No: ++k.n; break;
          case Vote::Abstain: ++k.a; break;
          default: break;
        }
      }
      if (!std::isnan(cohesion_of_counts(options.index, k.y, k.n, k.a))) counts.push_back(k);
    }
    CohesionResult& res = out[p];
    res.period = static_cast<int>(p);
    res.rollcalls = static_cast<std::int64_t>(counts.size());
    res.null_mean = res.null_lo = res.null_hi = kNaN;
    if (counts.empty()) {
      res.value = kNaN;
      continue;
    }
    double sum = 0, voters = 0;
    std::int64_t ty = 0, tn = 0, ta = 0;
    for (const auto& k : counts) {
      sum += cohesion_of_counts(options.index, k.y, k.n, k.a);
      voters += static_cast<double>(k.y + k.n + k.a);
      ty += k.y;
      tn += k.n;
      ta += k.a;
    }
    res.value = sum / static_cast<double>(counts.size());
    res.mean_members = voters / static_cast<double>(counts.size());
    if (options.null_replicates > 0) {
      std::mt19937_64 rng(stream_seed(options.seed, static_cast<std::uint64_t>(p)));
      std::discrete_distribution<int> pick({static_cast<double>(ty), static_cast<double>(tn), static_cast<double>(ta)});
      std::vector<double> reps;
      reps.reserve(options.null_replicates);
      for (int rep = 0; rep < options.null_replicates; ++rep) {
        double s = 0;
        std::int64_t used = 0;
        for (const auto& k : counts) {
          RollCallCounts sim;
          for (std::int64_t v = 0; v < k.y + k.n + k.a; ++v) {
            switch (pick(rng)) {
              case 0: ++sim.y; break;
              case 1: ++sim.n; break;
              default: ++sim.a; break;
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
      const double alpha = (1.0 - options.level) / 2.0;
      res.null_lo = quantile(reps, alpha);
      res.null_hi = quantile(reps, 1.0 - alpha);
    }
  }
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
      const Date d = m.rollcall(r).date;
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
