// Change-point engines: segment costs, PELT, binary segmentation, CROPS, detect().
// Method notes and citations: docs/methods-blocs-shifts.md.
#include "shifts/changepoints.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/error.hpp"

namespace rostrum::shifts {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Below this rho the beta-binomial is numerically a binomial (a, b ~ 1e9) and
// lgamma differences lose all precision, so the binomial cost is used instead.
constexpr double kRhoBinomial = 1e-9;

// x * log(y) with the convention 0 * log(0) = 0 (a segment with all agreements or
// none has p = 1 or p = 0 and a finite likelihood).
double xlogy(double x, double y) { return x == 0 ? 0.0 : x * std::log(y); }

void validate_series(const std::vector<SeriesPoint>& series) {
  for (std::size_t t = 0; t < series.size(); ++t) {
    const auto& point = series[t];
    // A little slack for agreement sums accumulated in floating point.
    const double slack = 1e-9 * std::max(1.0, point.trials);
    if (!std::isfinite(point.trials) || !std::isfinite(point.successes) || point.trials < 0 ||
        point.successes < -slack || point.successes > point.trials + slack) {
      throw UsageError("change points: period " + std::to_string(t) + " ('" + point.label +
                       "') needs 0 <= successes <= trials, got " + std::to_string(point.successes) + " of " +
                       std::to_string(point.trials));
    }
  }
}

void validate_cost(const Cost& cost) {
  if (cost.model == CostModel::beta_binomial &&
      (!std::isfinite(cost.overdispersion) || cost.overdispersion < 0 || cost.overdispersion >= 1)) {
    throw UsageError("change points: beta-binomial overdispersion rho must be in [0, 1), got " +
                     std::to_string(cost.overdispersion));
  }
}

void validate_min_segment(int min_segment) {
  if (min_segment < 1) throw UsageError("change points: minimum segment length must be >= 1");
}

// Segment costs on one series. Binomial costs are O(1) from prefix sums; beta-binomial
// costs need a 1-D maximization over the segment, so they are memoized: PELT, binseg
// and every CROPS run ask for the same segments again.
class SegmentCosts {
 public:
  SegmentCosts(const std::vector<SeriesPoint>& series, const Cost& cost)
      : series_(series),
        beta_binomial_(cost.model == CostModel::beta_binomial && cost.overdispersion > kRhoBinomial),
        rho_(cost.overdispersion) {
    successes_.assign(series.size() + 1, 0.0);
    trials_.assign(series.size() + 1, 0.0);
    for (std::size_t t = 0; t < series.size(); ++t) {
      const double k = std::clamp(series[t].successes, 0.0, series[t].trials);
      successes_[t + 1] = successes_[t] + k;
      trials_[t + 1] = trials_[t] + series[t].trials;
    }
  }

  std::size_t size() const { return series_.size(); }
  double successes(std::size_t begin, std::size_t end) const { return successes_[end] - successes_[begin]; }
  double trials(std::size_t begin, std::size_t end) const { return trials_[end] - trials_[begin]; }
  double mean(std::size_t begin, std::size_t end) const {
    const double n = trials(begin, end);
    return n > 0 ? successes(begin, end) / n : std::numeric_limits<double>::quiet_NaN();
  }

  double operator()(std::size_t begin, std::size_t end) {
    if (!beta_binomial_) return binomial(begin, end);
    const std::uint64_t key = static_cast<std::uint64_t>(begin) * (series_.size() + 1) + end;
    auto found = memo_.find(key);
    if (found != memo_.end()) return found->second;
    const double value = beta_binomial(begin, end);
    memo_.emplace(key, value);
    return value;
  }

 private:
  double binomial(std::size_t begin, std::size_t end) const {
    const double k = successes(begin, end);
    const double n = trials(begin, end);
    if (n <= 0) return 0.0;
    const double p = std::clamp(k / n, 0.0, 1.0);
    // With one p for the whole segment, sum_t k_t log p = (sum k) log p.
    return -2.0 * (xlogy(k, p) + xlogy(n - k, 1.0 - p));
  }

  // Beta-binomial log-likelihood of the segment at mean p (binomial coefficient left out).
  double beta_binomial_loglik(std::size_t begin, std::size_t end, double p) const {
    const double s = (1.0 - rho_) / rho_;  // a + b
    const double a = p * s;
    const double b = (1.0 - p) * s;
    const double per_period_constant = std::lgamma(s) - std::lgamma(a) - std::lgamma(b);
    double total = 0;
    for (std::size_t t = begin; t < end; ++t) {
      const double n = series_[t].trials;
      if (n <= 0) continue;
      const double k = std::clamp(series_[t].successes, 0.0, n);
      total += std::lgamma(k + a) + std::lgamma(n - k + b) - std::lgamma(n + s) + per_period_constant;
    }
    return total;
  }

  double beta_binomial(std::size_t begin, std::size_t end) const {
    if (trials(begin, end) <= 0) return 0.0;
    // The log-likelihood is concave in p (lgamma(k + a) - lgamma(a) is concave in a
    // because the trigamma function decreases), so golden-section search finds the
    // maximum. The interval stays off 0 and 1 where a or b would vanish.
    double lo = 1e-12, hi = 1.0 - 1e-12;
    const double golden = (std::sqrt(5.0) - 1.0) / 2.0;
    double x1 = hi - golden * (hi - lo), x2 = lo + golden * (hi - lo);
    double f1 = beta_binomial_loglik(begin, end, x1), f2 = beta_binomial_loglik(begin, end, x2);
    for (int iteration = 0; iteration < 60; ++iteration) {
      if (f1 < f2) {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + golden * (hi - lo);
        f2 = beta_binomial_loglik(begin, end, x2);
      } else {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - golden * (hi - lo);
        f1 = beta_binomial_loglik(begin, end, x1);
      }
    }
    // The bracket ends are evaluated too: with all-zero or all-one segments the
    // maximum sits on the boundary.
    const double best = std::max({f1, f2, beta_binomial_loglik(begin, end, lo), beta_binomial_loglik(begin, end, hi)});
    return -2.0 * best;
  }

  const std::vector<SeriesPoint>& series_;
  bool beta_binomial_;
  double rho_;
  std::vector<double> successes_;
  std::vector<double> trials_;
  std::unordered_map<std::uint64_t, double> memo_;
};

double segmentation_cost(SegmentCosts& costs, const std::vector<std::size_t>& change_points) {
  double total = 0;
  std::size_t begin = 0;
  for (std::size_t cp : change_points) {
    total += costs(begin, cp);
    begin = cp;
  }
  return total + costs(begin, costs.size());
}

Segmentation run_pelt(SegmentCosts& costs, int min_segment, double penalty) {
  const std::size_t T = costs.size();
  const auto m = static_cast<std::size_t>(min_segment);
  Segmentation result;
  result.penalty = result.penalty_min = result.penalty_max = penalty;
  if (T < 2 * m) {  // no admissible change point
    result.cost = costs(0, T);
    return result;
  }
  // F[t]: optimal penalized cost of the first t points; F[0] = -penalty so that a
  // segmentation with c change points pays c penalties (Killick et al. 2012, Alg. 2).
  std::vector<double> F(T + 1, kInf);
  std::vector<std::size_t> last(T + 1, 0);
  F[0] = -penalty;
  struct Candidate {
    std::size_t tau;
    std::size_t active_until;  // candidate is used for t < active_until
  };
  std::vector<Candidate> candidates;
  for (std::size_t t = m; t <= T; ++t) {
    const std::size_t fresh = t - m;  // the newest split point whose last segment has length m
    if (std::isfinite(F[fresh])) candidates.push_back({fresh, std::numeric_limits<std::size_t>::max()});
    double best = kInf;
    std::size_t best_tau = 0;
    for (const auto& c : candidates) {
      if (c.active_until <= t) continue;
      const double value = F[c.tau] + costs(c.tau, t) + penalty;
      if (value < best) {
        best = value;
        best_tau = c.tau;
      }
    }
    F[t] = best;
    last[t] = best_tau;
    // Pruning: if F(tau) + C(tau, t) >= F(t), tau can never beat t as the last change
    // for any end s with a valid segment (t, s], i.e. s >= t + m. It stays usable for
    // t < s < t + m, where t itself is not yet admissible. A small tolerance keeps
    // rounding from pruning a tie.
    const double tolerance = 1e-9 * (1.0 + std::abs(F[t]));
    for (auto& c : candidates) {
      if (c.active_until <= t) continue;
      if (F[c.tau] + costs(c.tau, t) > F[t] + tolerance) c.active_until = std::min(c.active_until, t + m);
    }
    std::erase_if(candidates, [t](const Candidate& c) { return c.active_until <= t + 1; });
  }
  for (std::size_t t = T; t > 0;) {
    const std::size_t tau = last[t];
    if (tau > 0) result.change_points.push_back(tau);
    t = tau;
  }
  std::reverse(result.change_points.begin(), result.change_points.end());
  result.cost = segmentation_cost(costs, result.change_points);
  return result;
}

// One step of binary segmentation: the change point added and the cost reduction it bought.
struct BinsegStep {
  std::size_t change_point;
  double gain;
};

// The full greedy sequence of binary segmentation, up to max_changes (< 0: until no
// admissible split lowers the cost).
std::vector<BinsegStep> binseg_sequence(SegmentCosts& costs, int min_segment, int max_changes) {
  const auto m = static_cast<std::size_t>(min_segment);
  struct Open {
    std::size_t begin, end, split;
    double gain;
  };
  auto best_split = [&](std::size_t begin, std::size_t end) {
    Open open{begin, end, 0, -kInf};
    if (end - begin < 2 * m) return open;
    const double whole = costs(begin, end);
    for (std::size_t s = begin + m; s + m <= end; ++s) {
      const double gain = whole - costs(begin, s) - costs(s, end);
      if (gain > open.gain) {
        open.gain = gain;
        open.split = s;
      }
    }
    return open;
  };
  std::vector<Open> open{best_split(0, costs.size())};
  std::vector<BinsegStep> steps;
  while (max_changes < 0 || static_cast<int>(steps.size()) < max_changes) {
    auto it = std::max_element(open.begin(), open.end(), [](const Open& a, const Open& b) { return a.gain < b.gain; });
    if (it == open.end() || !(it->gain > 0)) break;
    const Open chosen = *it;
    open.erase(it);
    steps.push_back({chosen.split, chosen.gain});
    open.push_back(best_split(chosen.begin, chosen.split));
    open.push_back(best_split(chosen.split, chosen.end));
  }
  return steps;
}

Segmentation segmentation_from_steps(SegmentCosts& costs, const std::vector<BinsegStep>& steps, std::size_t count,
                                     double penalty) {
  Segmentation result;
  for (std::size_t i = 0; i < count; ++i) result.change_points.push_back(steps[i].change_point);
  std::sort(result.change_points.begin(), result.change_points.end());
  result.cost = segmentation_cost(costs, result.change_points);
  result.penalty = result.penalty_min = result.penalty_max = penalty;
  return result;
}

std::vector<Segmentation> run_crops(SegmentCosts& costs, int min_segment, double pen_min, double pen_max) {
  // Keyed by number of change points: on a path each count appears at most once.
  std::map<std::size_t, Segmentation, std::greater<>> found;
  auto solve = [&](double penalty) {
    Segmentation s = run_pelt(costs, min_segment, penalty);
    const std::size_t count = s.change_points.size();
    found.emplace(count, s);
    return found.at(count);
  };
  const Segmentation at_min = solve(pen_min);
  const Segmentation at_max = solve(pen_max);
  struct Interval {
    double lo, hi;
    Segmentation at_lo, at_hi;
  };
  std::vector<Interval> todo{{pen_min, pen_max, at_min, at_max}};
  while (!todo.empty()) {
    Interval interval = std::move(todo.back());
    todo.pop_back();
    const std::size_t m_lo = interval.at_lo.change_points.size();
    const std::size_t m_hi = interval.at_hi.change_points.size();
    if (m_lo <= m_hi + 1) continue;  // adjacent on the path: nothing in between
    // The penalty at which the two segmentations cost the same (Haynes et al. 2017, Alg. 1).
    const double crossing = (interval.at_hi.cost - interval.at_lo.cost) / static_cast<double>(m_lo - m_hi);
    const Segmentation middle = solve(crossing);
    const std::size_t m_mid = middle.change_points.size();
    // If the solver returns either end (a tie at the crossing), no segmentation is
    // optimal strictly between them; checking both ends guarantees termination.
    if (m_mid == m_hi || m_mid == m_lo) continue;
    todo.push_back({interval.lo, crossing, interval.at_lo, middle});
    todo.push_back({crossing, interval.hi, middle, interval.at_hi});
  }
  std::vector<Segmentation> path;
  path.reserve(found.size());
  for (auto& [count, segmentation] : found) path.push_back(segmentation);
  // Penalty interval of each: between its crossings with its neighbours on the path.
  for (std::size_t i = 0; i < path.size(); ++i) {
    auto crossing = [&](const Segmentation& more, const Segmentation& fewer) {
      return (fewer.cost - more.cost) / static_cast<double>(more.change_points.size() - fewer.change_points.size());
    };
    path[i].penalty_min = i == 0 ? pen_min : std::clamp(crossing(path[i - 1], path[i]), pen_min, pen_max);
    path[i].penalty_max = i + 1 == path.size() ? pen_max : std::clamp(crossing(path[i], path[i + 1]), pen_min, pen_max);
  }
  return path;
}

// Elbow (knee) of cost against number of change points: the path point farthest below
// the chord joining the fewest- and the most-change-point ends, both axes scaled to [0, 1].
std::size_t elbow_index(const std::vector<Segmentation>& path) {
  if (path.size() < 3) return path.size() - 1;  // no interior point: keep the simplest
  const double m_most = static_cast<double>(path.front().change_points.size());
  const double m_fewest = static_cast<double>(path.back().change_points.size());
  const double cost_most = path.front().cost;
  const double cost_fewest = path.back().cost;
  const double m_span = std::max(m_most - m_fewest, 1e-300);
  const double cost_span = std::max(cost_fewest - cost_most, 1e-300);
  std::size_t best = path.size() - 1;
  double best_distance = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const double x = (static_cast<double>(path[i].change_points.size()) - m_fewest) / m_span;  // 1 at most
    const double y = (path[i].cost - cost_most) / cost_span;                                   // 1 at fewest
    // The chord runs from (0, 1) to (1, 0): y = 1 - x. Distance below it ~ 1 - x - y.
    const double distance = 1.0 - x - y;
    if (distance > best_distance + 1e-12) {
      best_distance = distance;
      best = i;
    }
  }
  return best;
}

}  // namespace

double segment_cost(const std::vector<SeriesPoint>& series, std::size_t begin, std::size_t end, const Cost& cost) {
  validate_series(series);
  validate_cost(cost);
  if (begin > end || end > series.size()) throw UsageError("segment_cost: bad segment range");
  SegmentCosts costs(series, cost);
  return costs(begin, end);
}

Segmentation pelt(const std::vector<SeriesPoint>& series, const Cost& cost, int min_segment, double penalty) {
  validate_series(series);
  validate_cost(cost);
  validate_min_segment(min_segment);
  if (!(penalty >= 0) || !std::isfinite(penalty)) throw UsageError("pelt: penalty must be finite and >= 0");
  SegmentCosts costs(series, cost);
  return run_pelt(costs, min_segment, penalty);
}

Segmentation binseg(const std::vector<SeriesPoint>& series, const Cost& cost, int min_segment, double penalty,
                    int max_changes) {
  validate_series(series);
  validate_cost(cost);
  validate_min_segment(min_segment);
  if (!(penalty >= 0) || !std::isfinite(penalty)) throw UsageError("binseg: penalty must be finite and >= 0");
  SegmentCosts costs(series, cost);
  const auto steps = binseg_sequence(costs, min_segment, max_changes);
  std::size_t accepted = 0;
  while (accepted < steps.size() && steps[accepted].gain > penalty) ++accepted;
  return segmentation_from_steps(costs, steps, accepted, penalty);
}

std::vector<Segmentation> crops(const std::vector<SeriesPoint>& series, const Cost& cost, int min_segment,
                                double pen_min, double pen_max) {
  validate_series(series);
  validate_cost(cost);
  validate_min_segment(min_segment);
  if (!std::isfinite(pen_min) || !std::isfinite(pen_max) || pen_min < 0 || pen_min > pen_max) {
    throw UsageError("crops: need 0 <= pen_min <= pen_max, both finite");
  }
  SegmentCosts costs(series, cost);
  return run_crops(costs, min_segment, pen_min, pen_max);
}

double estimate_overdispersion(const std::vector<SeriesPoint>& series) {
  validate_series(series);
  struct Pair {
    double d2, variance_base, variance_slope;  // Var(d | rho) = base + slope * rho
  };
  std::vector<Pair> pairs;
  const SeriesPoint* previous = nullptr;
  for (const auto& point : series) {
    if (point.trials <= 0) continue;
    if (previous) {
      const double n0 = previous->trials, n1 = point.trials;
      const double pooled = (previous->successes + point.successes) / (n0 + n1);
      const double pq = pooled * (1.0 - pooled);
      if (pq > 1e-12) {
        const double d = point.successes / n1 - previous->successes / n0;
        pairs.push_back({d * d, pq * (1.0 / n0 + 1.0 / n1), pq * ((n0 - 1.0) / n0 + (n1 - 1.0) / n1)});
      }
    }
    previous = &point;
  }
  if (pairs.size() < 3) return 0.0;  // too little to estimate anything
  constexpr double kChiSquare1Median = 0.454936423119572;
  std::vector<double> ratios(pairs.size());
  auto median_ratio = [&](double rho) {
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      ratios[i] = pairs[i].d2 / (pairs[i].variance_base + pairs[i].variance_slope * rho);
    }
    auto middle = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2);
    std::nth_element(ratios.begin(), middle, ratios.end());
    return *middle;
  };
  constexpr double kMaxRho = 0.5;
  if (median_ratio(0.0) <= kChiSquare1Median) return 0.0;
  if (median_ratio(kMaxRho) >= kChiSquare1Median) return kMaxRho;
  double lo = 0.0, hi = kMaxRho;  // median_ratio decreases in rho
  for (int iteration = 0; iteration < 60; ++iteration) {
    const double mid = 0.5 * (lo + hi);
    (median_ratio(mid) > kChiSquare1Median ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

ChangePointReport detect(const std::vector<SeriesPoint>& series, const ChangePointOptions& options) {
  validate_series(series);
  validate_min_segment(options.min_segment);
  if (options.selection == SelectionRule::fixed_penalty &&
      (!(options.penalty >= 0) || !std::isfinite(options.penalty))) {
    throw UsageError("change points: a fixed penalty must be finite and >= 0");
  }
  if (!(options.ic_multiplier > 0)) throw UsageError("change points: ic_multiplier must be > 0");

  // Periods without joint votes carry no information; they are dropped and the
  // indices mapped back at the end.
  std::vector<SeriesPoint> kept;
  std::vector<std::size_t> original;
  for (std::size_t t = 0; t < series.size(); ++t) {
    if (series[t].trials > 0) {
      kept.push_back(series[t]);
      original.push_back(t);
    }
  }
  ChangePointReport report;
  report.cost = options.cost;
  if (report.cost.model == CostModel::beta_binomial && std::isnan(report.cost.overdispersion)) {
    report.cost.overdispersion = estimate_overdispersion(kept);
  }
  if (report.cost.model == CostModel::binomial) report.cost.overdispersion = 0;
  validate_cost(report.cost);
  const double rho = report.cost.overdispersion;
  for (const auto& point : kept) report.effective_trials += point.trials / (1.0 + (point.trials - 1.0) * rho);

  SegmentCosts costs(kept, report.cost);
  const double log_n = std::log(std::max(report.effective_trials, 2.0));
  const double ic_penalty = options.ic_multiplier * log_n;
  const double pen_min = std::isnan(options.pen_min) ? 0.5 : options.pen_min;
  // Costs are >= 0 (each is -2 log of a probability), so at a penalty of cost(whole
  // series) no change point pays off: the default path ends at the one-segment fit,
  // which the elbow rule needs as its anchor.
  const double pen_max = std::isnan(options.pen_max) ? std::max(costs(0, kept.size()) + 1.0, pen_min) : options.pen_max;
  if (!std::isfinite(pen_min) || !std::isfinite(pen_max) || pen_min < 0 || pen_min > pen_max) {
    throw UsageError("change points: need 0 <= pen_min <= pen_max");
  }

  Segmentation chosen;
  if (options.method == SegmentationMethod::pelt) {
    report.path = run_crops(costs, options.min_segment, pen_min, pen_max);
    switch (options.selection) {
      case SelectionRule::information_criterion:
        chosen = run_pelt(costs, options.min_segment, ic_penalty);
        break;
      case SelectionRule::fixed_penalty:
        chosen = run_pelt(costs, options.min_segment, options.penalty);
        break;
      case SelectionRule::elbow:
        chosen = report.path[elbow_index(report.path)];
        chosen.penalty = 0.5 * (chosen.penalty_min + chosen.penalty_max);
        break;
    }
  } else {
    const auto steps = binseg_sequence(costs, options.min_segment, -1);
    // The nested sequence, most change points first like a CROPS path; each entry's
    // penalty is the gain of the last change it added (binseg stops below it).
    for (std::size_t count = steps.size() + 1; count-- > 0;) {
      report.path.push_back(segmentation_from_steps(costs, steps, count, count == 0 ? 0.0 : steps[count - 1].gain));
    }
    auto accepted_at = [&](double penalty) {
      std::size_t accepted = 0;
      while (accepted < steps.size() && steps[accepted].gain > penalty) ++accepted;
      return segmentation_from_steps(costs, steps, accepted, penalty);
    };
    switch (options.selection) {
      case SelectionRule::information_criterion:
        chosen = accepted_at(ic_penalty);
        break;
      case SelectionRule::fixed_penalty:
        chosen = accepted_at(options.penalty);
        break;
      case SelectionRule::elbow:
        chosen = report.path[elbow_index(report.path)];
        break;
    }
  }
  report.penalty = chosen.penalty;

  // Report in the indices of the input series.
  std::vector<std::size_t> bounds{0};
  for (std::size_t cp : chosen.change_points) bounds.push_back(cp);
  bounds.push_back(kept.size());
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
    if (kept.empty()) break;
    SegmentSummary segment;
    segment.begin = i == 0 ? 0 : original[bounds[i]];
    segment.end = i + 2 == bounds.size() ? series.size() : original[bounds[i + 1]];
    segment.first_label = series[segment.begin].label;
    segment.last_label = series[segment.end - 1].label;
    segment.successes = costs.successes(bounds[i], bounds[i + 1]);
    segment.trials = costs.trials(bounds[i], bounds[i + 1]);
    segment.mean = costs.mean(bounds[i], bounds[i + 1]);
    report.segments.push_back(segment);
  }
  for (std::size_t i = 1; i + 1 < bounds.size(); ++i) {
    ChangePoint change;
    change.index = original[bounds[i]];
    change.label = series[change.index].label;
    change.before = costs.mean(bounds[i - 1], bounds[i]);
    change.after = costs.mean(bounds[i], bounds[i + 1]);
    change.cost_reduction =
        costs(bounds[i - 1], bounds[i + 1]) - costs(bounds[i - 1], bounds[i]) - costs(bounds[i], bounds[i + 1]);
    report.change_points.push_back(change);
  }
  for (auto& segmentation : report.path) {
    for (auto& cp : segmentation.change_points) cp = original[cp];
  }
  return report;
}

}  // namespace rostrum::shifts
