// Change-point engines: costs by hand, PELT against exhaustive search, recovery of
// simulated breaks, CROPS path shape, the overdispersion guard.
#include "shifts/changepoints.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace rostrum::shifts {
namespace {

std::vector<SeriesPoint> make_series(const std::vector<std::pair<double, double>>& counts) {
  std::vector<SeriesPoint> series;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    series.push_back({std::to_string(1950 + t), counts[t].first, counts[t].second});
  }
  return series;
}

// Periods with probabilities `p[t]`, trials uniform in [n_lo, n_hi]; with rho > 0 each
// period's probability is first drawn from a Beta with that intra-period correlation.
std::vector<SeriesPoint> simulate(const std::vector<double>& p, std::mt19937_64& rng, int n_lo = 20, int n_hi = 200,
                                  double rho = 0) {
  std::uniform_int_distribution<int> trials(n_lo, n_hi);
  std::vector<SeriesPoint> series;
  for (std::size_t t = 0; t < p.size(); ++t) {
    double period_p = p[t];
    if (rho > 0) {
      const double s = (1 - rho) / rho;
      std::gamma_distribution<double> ga(p[t] * s, 1.0), gb((1 - p[t]) * s, 1.0);
      const double x = ga(rng), y = gb(rng);
      period_p = x / (x + y);
    }
    const int n = trials(rng);
    std::binomial_distribution<int> draw(n, period_p);
    series.push_back({std::to_string(1946 + t), static_cast<double>(draw(rng)), static_cast<double>(n)});
  }
  return series;
}

std::vector<double> regimes(std::initializer_list<std::pair<int, double>> parts) {
  std::vector<double> p;
  for (auto [length, value] : parts) p.insert(p.end(), length, value);
  return p;
}

const Cost kBinomial{CostModel::binomial, 0};

TEST(SegmentCost, BinomialByHand) {
  const auto series = make_series({{3, 10}, {5, 10}});
  // Pooled p = 8/20 = 0.4; deviance -2 (8 log 0.4 + 12 log 0.6).
  EXPECT_NEAR(segment_cost(series, 0, 2, kBinomial), -2 * (8 * std::log(0.4) + 12 * std::log(0.6)), 1e-12);
  // One period alone: p = 0.3.
  EXPECT_NEAR(segment_cost(series, 0, 1, kBinomial), -2 * (3 * std::log(0.3) + 7 * std::log(0.7)), 1e-12);
  // All agreements: p = 1 and a perfect fit.
  EXPECT_DOUBLE_EQ(segment_cost(make_series({{5, 5}, {7, 7}}), 0, 2, kBinomial), 0.0);
  // Fractional agreement (Voeten's 0.5 for yes/abstain): 2.5 of 5 gives p = 0.5.
  EXPECT_NEAR(segment_cost(make_series({{2.5, 5}}), 0, 1, kBinomial), 10 * std::log(2.0), 1e-12);
  // The empty segment costs nothing.
  EXPECT_DOUBLE_EQ(segment_cost(series, 1, 1, kBinomial), 0.0);
}

TEST(SegmentCost, BetaBinomialByHand) {
  // n = 2, k = 1, rho = 0.5: a + b = 1, MLE p = 0.5 by symmetry, so a = b = 0.5 and the
  // likelihood without the binomial coefficient is B(1.5, 1.5) / B(0.5, 0.5) = (pi/8)/pi.
  const Cost cost{CostModel::beta_binomial, 0.5};
  EXPECT_NEAR(segment_cost(make_series({{1, 2}}), 0, 1, cost), -2 * std::log(1.0 / 8.0), 1e-9);
  // With a vanishing rho the beta-binomial is the binomial.
  const auto series = make_series({{3, 10}, {5, 10}, {30, 40}});
  const Cost tiny{CostModel::beta_binomial, 1e-7};
  EXPECT_NEAR(segment_cost(series, 0, 3, tiny), segment_cost(series, 0, 3, kBinomial), 1e-3);
  // Overdispersion makes the same heterogeneous data cheaper to explain by one mean.
  const Cost wide{CostModel::beta_binomial, 0.1};
  EXPECT_LT(segment_cost(series, 0, 3, wide), segment_cost(series, 0, 3, kBinomial));
}

TEST(SegmentCost, RejectsBadCounts) {
  EXPECT_THROW(segment_cost(make_series({{11, 10}}), 0, 1, kBinomial), UsageError);
  EXPECT_THROW(segment_cost(make_series({{-1, 10}}), 0, 1, kBinomial), UsageError);
  EXPECT_THROW(segment_cost(make_series({{1, 10}}), 0, 2, kBinomial), UsageError);
  EXPECT_THROW(segment_cost(make_series({{1, 10}}), 0, 1, Cost{CostModel::beta_binomial}), UsageError);
  EXPECT_THROW(pelt(make_series({{1, 10}}), kBinomial, 0, 1.0), UsageError);
}

// Exhaustive optimal partitioning: every subset of change points with segments of at
// least min_segment, minimizing cost + penalty * count.
double exhaustive_optimum(const std::vector<SeriesPoint>& series, const Cost& cost, int min_segment, double penalty) {
  const std::size_t T = series.size();
  double best = INFINITY;
  for (unsigned mask = 0; mask < (1u << (T - 1)); ++mask) {
    std::size_t begin = 0;
    double total = 0;
    bool valid = true;
    for (std::size_t t = 1; t <= T && valid; ++t) {
      if (t == T || (mask >> (t - 1)) & 1u) {
        if (t - begin < static_cast<std::size_t>(min_segment)) valid = false;
        total += segment_cost(series, begin, t, cost);
        if (t < T) total += penalty;
        begin = t;
      }
    }
    if (valid) best = std::min(best, total);
  }
  return best;
}

TEST(Pelt, EqualsExhaustiveOptimalPartitioning) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> prob(0.05, 0.95);
  int compared = 0;
  for (int replicate = 0; replicate < 6; ++replicate) {
    std::vector<double> p(11);
    for (auto& value : p) value = prob(rng);
    const auto series = simulate(p, rng, 5, 60);
    for (const Cost& cost : {kBinomial, Cost{CostModel::beta_binomial, 0.05}}) {
      for (int min_segment : {1, 2, 3}) {
        for (double penalty : {0.0, 2.0, 8.0, 30.0}) {
          const Segmentation s = pelt(series, cost, min_segment, penalty);
          const double penalized = s.cost + penalty * static_cast<double>(s.change_points.size());
          ASSERT_NEAR(penalized, exhaustive_optimum(series, cost, min_segment, penalty), 1e-7)
              << "replicate " << replicate << " min_segment " << min_segment << " penalty " << penalty;
          std::size_t begin = 0;
          for (std::size_t cp : s.change_points) {
            EXPECT_GE(cp - begin, static_cast<std::size_t>(min_segment));
            begin = cp;
          }
          EXPECT_GE(series.size() - begin, static_cast<std::size_t>(min_segment));
          ++compared;
        }
      }
    }
  }
  EXPECT_EQ(compared, 6 * 2 * 3 * 4);
}

TEST(Detect, RecoversOneBreakWithVaryingTrials) {
  // p = 0.3 for 20 periods then 0.7, n_t uniform in [20, 200]: the break at index 20.
  for (SegmentationMethod method : {SegmentationMethod::pelt, SegmentationMethod::binseg}) {
    for (CostModel model : {CostModel::binomial, CostModel::beta_binomial}) {
      std::mt19937_64 rng(2024);
      for (int replicate = 0; replicate < 10; ++replicate) {
        const auto series = simulate(regimes({{20, 0.3}, {20, 0.7}}), rng);
        ChangePointOptions options;
        options.method = method;
        options.cost.model = model;
        const ChangePointReport report = detect(series, options);
        ASSERT_EQ(report.change_points.size(), 1u) << "replicate " << replicate;
        const auto& change = report.change_points[0];
        EXPECT_LE(std::abs(static_cast<int>(change.index) - 20), 1);
        EXPECT_EQ(change.label, series[change.index].label);
        EXPECT_NEAR(change.before, 0.3, 0.05);
        EXPECT_NEAR(change.after, 0.7, 0.05);
        EXPECT_GT(change.cost_reduction, report.penalty);
        ASSERT_EQ(report.segments.size(), 2u);
        EXPECT_EQ(report.segments[0].begin, 0u);
        EXPECT_EQ(report.segments[0].end, change.index);
        EXPECT_EQ(report.segments[1].end, series.size());
        EXPECT_NEAR(report.segments[1].mean, report.segments[1].successes / report.segments[1].trials, 1e-15);
      }
    }
  }
}

TEST(Detect, RecoversTwoBreaksAndElbowAgrees) {
  std::mt19937_64 rng(99);
  for (int replicate = 0; replicate < 5; ++replicate) {
    const auto series = simulate(regimes({{15, 0.8}, {15, 0.45}, {15, 0.75}}), rng);
    for (SelectionRule rule : {SelectionRule::information_criterion, SelectionRule::elbow}) {
      ChangePointOptions options;
      options.selection = rule;
      const auto report = detect(series, options);
      ASSERT_EQ(report.change_points.size(), 2u) << "replicate " << replicate;
      EXPECT_LE(std::abs(static_cast<int>(report.change_points[0].index) - 15), 1);
      EXPECT_LE(std::abs(static_cast<int>(report.change_points[1].index) - 30), 1);
      EXPECT_GT(report.change_points[0].before, report.change_points[0].after);
      EXPECT_LT(report.change_points[1].before, report.change_points[1].after);
    }
  }
}

TEST(Detect, ConstantSeriesHasNoBreaks) {
  std::mt19937_64 rng(5);
  int false_changes = 0;
  for (int replicate = 0; replicate < 20; ++replicate) {
    const auto series = simulate(regimes({{40, 0.5}}), rng);
    false_changes += static_cast<int>(detect(series, {}).change_points.size());
  }
  EXPECT_LE(false_changes, 2);
}

TEST(Detect, BetaBinomialGuardsAgainstOverdispersion) {
  // Year-to-year agenda shocks (rho = 0.05) without any regime change: the binomial cost
  // sees breaks everywhere, the beta-binomial cost with estimated rho does not.
  std::mt19937_64 rng(11);
  int binomial_changes = 0, beta_binomial_changes = 0;
  for (int replicate = 0; replicate < 10; ++replicate) {
    const auto series = simulate(regimes({{50, 0.6}}), rng, 60, 150, 0.05);
    const double rho = estimate_overdispersion(series);
    EXPECT_GT(rho, 0.015);
    EXPECT_LT(rho, 0.15);
    ChangePointOptions binomial;
    binomial.cost.model = CostModel::binomial;
    binomial_changes += static_cast<int>(detect(series, binomial).change_points.size());
    const auto report = detect(series, {});
    EXPECT_NEAR(report.cost.overdispersion, rho, 1e-12);
    beta_binomial_changes += static_cast<int>(report.change_points.size());
  }
  EXPECT_GE(binomial_changes, 20);
  EXPECT_LE(beta_binomial_changes, 3);
}

TEST(Overdispersion, ZeroForBinomialData) {
  std::mt19937_64 rng(3);
  // The median-based estimate is noisy (the median of 39 chi-square ratios), but
  // small: rho = 0.02 would already double the variance of a 100-vote year.
  double total = 0;
  for (int replicate = 0; replicate < 20; ++replicate) {
    const double rho = estimate_overdispersion(simulate(regimes({{40, 0.4}}), rng));
    EXPECT_LT(rho, 0.02);
    total += rho;
  }
  EXPECT_LT(total / 20, 0.006);
}

TEST(Crops, PathIsMonotoneAndEachMemberIsOptimalOnItsInterval) {
  std::mt19937_64 rng(17);
  const auto series = simulate(regimes({{8, 0.2}, {6, 0.5}, {10, 0.35}, {6, 0.8}, {10, 0.6}}), rng);
  const Cost cost{CostModel::beta_binomial, 0.01};
  const double pen_min = 0.5, pen_max = 300;
  const auto path = crops(series, cost, 2, pen_min, pen_max);
  ASSERT_GE(path.size(), 4u);
  EXPECT_DOUBLE_EQ(path.front().penalty_min, pen_min);
  EXPECT_DOUBLE_EQ(path.back().penalty_max, pen_max);
  EXPECT_EQ(path.front().change_points.size(), pelt(series, cost, 2, pen_min).change_points.size());
  EXPECT_EQ(path.back().change_points.size(), pelt(series, cost, 2, pen_max).change_points.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    EXPECT_LE(path[i].penalty_min, path[i].penalty_max);
    const double middle = 0.5 * (path[i].penalty_min + path[i].penalty_max);
    EXPECT_EQ(pelt(series, cost, 2, middle).change_points, path[i].change_points) << "member " << i;
    if (i == 0) continue;
    EXPECT_LT(path[i].change_points.size(), path[i - 1].change_points.size());
    EXPECT_GE(path[i].cost, path[i - 1].cost - 1e-9);
    EXPECT_NEAR(path[i].penalty_min, path[i - 1].penalty_max, 1e-9);
  }
  // No optimal segmentation is missed: a fine grid of penalties finds no other count.
  for (double penalty = pen_min; penalty <= pen_max; penalty *= 1.1) {
    const auto count = pelt(series, cost, 2, penalty).change_points.size();
    bool on_path = false;
    for (const auto& member : path) on_path |= member.change_points.size() == count;
    EXPECT_TRUE(on_path) << "penalty " << penalty;
  }
}

TEST(Binseg, NestedAndLimited) {
  std::mt19937_64 rng(23);
  const auto series = simulate(regimes({{12, 0.2}, {12, 0.6}, {12, 0.3}}), rng);
  const auto one = binseg(series, kBinomial, 3, 0.0, 1);
  const auto two = binseg(series, kBinomial, 3, 0.0, 2);
  ASSERT_EQ(one.change_points.size(), 1u);
  ASSERT_EQ(two.change_points.size(), 2u);
  // Binary segmentation only ever adds change points.
  EXPECT_TRUE(std::find(two.change_points.begin(), two.change_points.end(), one.change_points[0]) !=
              two.change_points.end());
  // On clean breaks it finds what PELT finds.
  const double penalty = 2 * std::log(series.size() * 110.0);
  EXPECT_EQ(binseg(series, kBinomial, 3, penalty).change_points, pelt(series, kBinomial, 3, penalty).change_points);
}

TEST(Detect, EmptyPeriodsAreSkippedAndIndicesMappedBack) {
  std::mt19937_64 rng(31);
  auto series = simulate(regimes({{15, 0.25}, {15, 0.75}}), rng);
  // Two years with no joint votes, one inside each regime.
  series.insert(series.begin() + 5, SeriesPoint{"gap1", 0, 0});
  series.insert(series.begin() + 20, SeriesPoint{"gap2", 0, 0});
  const auto report = detect(series, {});
  ASSERT_EQ(report.change_points.size(), 1u);
  // The break, first at index 15, moved to 16 with the gap inserted before it.
  EXPECT_LE(std::abs(static_cast<int>(report.change_points[0].index) - 16), 1);
  EXPECT_NE(report.change_points[0].label, "gap2");
  ASSERT_EQ(report.segments.size(), 2u);
  EXPECT_EQ(report.segments[0].end, report.segments[1].begin);
  EXPECT_EQ(report.segments[1].end, series.size());
  for (const auto& member : report.path) {
    for (std::size_t cp : member.change_points) EXPECT_GT(series[cp].trials, 0);
  }
}

TEST(Detect, ShortSeriesIsOneSegmentAndDeterministic) {
  const auto series = make_series({{1, 10}, {9, 10}, {1, 10}, {9, 10}});
  const auto report = detect(series, {});
  EXPECT_TRUE(report.change_points.empty());
  ASSERT_EQ(report.segments.size(), 1u);
  EXPECT_NEAR(report.segments[0].mean, 0.5, 1e-15);

  std::mt19937_64 rng(41);
  const auto longer = simulate(regimes({{20, 0.4}, {20, 0.6}}), rng);
  const auto a = detect(longer, {});
  const auto b = detect(longer, {});
  ASSERT_EQ(a.change_points.size(), b.change_points.size());
  for (std::size_t i = 0; i < a.change_points.size(); ++i)
    EXPECT_EQ(a.change_points[i].index, b.change_points[i].index);
  EXPECT_EQ(a.penalty, b.penalty);
}

}  // namespace
}  // namespace rostrum::shifts
