// Change points in a series of agreement counts (DESIGN.md section 6).
//
// A series has one point per period (year or session): k_t agreement weight out of
// n_t joint votes. n_t varies a lot between years, so every cost here is a
// likelihood on the counts, never a squared error on the proportions k_t/n_t.
// k_t may be fractional (Voeten's agreement gives 0.5 to yes/abstain pairs); the
// likelihoods are then evaluated at real arguments (a quasi-likelihood).
//
// Costs are on the deviance scale, -2 log L, so that a penalty is comparable with a
// likelihood-ratio statistic and with the usual information criteria. Full method
// notes, citations and defaults: docs/methods-blocs-shifts.md.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace rostrum::shifts {

// One period of the series: `successes` (k, may be fractional) out of `trials` (n).
struct SeriesPoint {
  std::string label;  // e.g. "1991"; carried into the report
  double successes = 0;
  double trials = 0;
};

enum class CostModel {
  binomial,       // independent votes: k_t ~ Binomial(n_t, p)
  beta_binomial,  // votes within a period share a shock: k_t ~ BetaBinomial(n_t, p, rho)
};

// Segment cost model. For beta_binomial, `overdispersion` is the intra-period
// correlation rho in [0, 1); NaN asks detect() to estimate it (pelt/binseg/crops and
// segment_cost need it given: they throw UsageError on NaN).
struct Cost {
  CostModel model = CostModel::binomial;
  double overdispersion = std::numeric_limits<double>::quiet_NaN();
};

// A segmentation of a series of T points. change_points holds the index of the
// first point of every segment but the first, increasing, each in [1, T).
struct Segmentation {
  std::vector<std::size_t> change_points;
  double cost = 0;     // sum of segment costs (deviance scale), no penalty
  double penalty = 0;  // the penalty per change point the segmentation was computed at
  // On a CROPS path: the closed penalty interval over which this segmentation is
  // optimal (clipped to the requested range). Elsewhere both equal `penalty`.
  double penalty_min = 0;
  double penalty_max = 0;
};

// Cost of the segment [begin, end) of `series` at its maximum-likelihood mean:
//   binomial:      -2 sum_t [k_t log p + (n_t-k_t) log(1-p)],  p = sum k / sum n
//   beta-binomial: -2 sum_t [log B(k_t+a, n_t-k_t+b) - log B(a, b)],
//                  a = p(1-rho)/rho, b = (1-p)(1-rho)/rho, p maximizing the sum.
// Binomial coefficients are left out: they do not depend on the segmentation.
// O(end - begin) for binomial, O((end - begin) * 60) for beta-binomial (golden
// section search on p). Throws UsageError on a bad range or bad counts.
double segment_cost(const std::vector<SeriesPoint>& series, std::size_t begin, std::size_t end, const Cost& cost);

// Optimal segmentation minimizing sum of segment costs + penalty * (#change points)
// with every segment at least `min_segment` points long, by PELT (Killick, Fearnhead
// & Eckley 2012, JASA 107:1590, Algorithm 2, K = 0 since the costs are minimized
// negative log-likelihoods). Exact; O(T) cost evaluations in the best case, O(T^2)
// worst case. Throws UsageError if min_segment < 1, penalty < 0 or the counts are bad.
Segmentation pelt(const std::vector<SeriesPoint>& series, const Cost& cost, int min_segment, double penalty);

// Binary segmentation (Scott & Knott 1974; Killick et al. 2012, section 1): repeatedly
// splits the segment whose best split lowers the cost most, while that reduction
// exceeds `penalty` and fewer than `max_changes` change points were placed (< 0: no
// limit). Approximate (greedy) but nested. O(T^2) cost evaluations worst case.
Segmentation binseg(const std::vector<SeriesPoint>& series, const Cost& cost, int min_segment, double penalty,
                    int max_changes = -1);

// CROPS, Changepoints for a Range Of PenaltieS (Haynes, Eckley & Fearnhead 2017,
// JCGS 26:134, Algorithm 1, using PELT as the solver): every distinct optimal
// segmentation for penalties in [pen_min, pen_max], sorted by decreasing number of
// change points (so increasing penalty_min/penalty_max and non-decreasing cost).
// Needs O(number of segmentations on the path) PELT runs.
std::vector<Segmentation> crops(const std::vector<SeriesPoint>& series, const Cost& cost, int min_segment,
                                double pen_min, double pen_max);

// Robust estimate of the beta-binomial intra-period correlation rho from first
// differences of neighbouring proportions: the rho at which the median of
// d_t^2 / Var(d_t | rho) equals the chi-square(1) median 0.4549, so that a few real
// breaks do not inflate it (difference-based variance estimation as in Hall, Kay &
// Titterington 1990, made robust with the median). 0 when the series is not
// overdispersed; at most 0.5. O(T log(1/tol)).
double estimate_overdispersion(const std::vector<SeriesPoint>& series);

enum class SegmentationMethod { pelt, binseg };

// How detect() picks one segmentation.
enum class SelectionRule {
  information_criterion,  // penalty = ic_multiplier * log(N_eff), see below (default)
  elbow,                  // knee of cost against #change points on the path
  fixed_penalty,          // penalty = ChangePointOptions::penalty
};

struct ChangePointOptions {
  Cost cost{CostModel::beta_binomial};  // rho NaN: estimated by estimate_overdispersion
  SegmentationMethod method = SegmentationMethod::pelt;
  SelectionRule selection = SelectionRule::information_criterion;
  int min_segment = 3;       // periods; a "regime" shorter than 3 years is noise
  double ic_multiplier = 2;  // SIC/BIC: one new mean + one location per change
  double penalty = 0;        // only for fixed_penalty
  // Range of the reported CROPS path; NaN: [0.5, cost of the whole series + 1], which
  // runs from many change points down to none.
  double pen_min = std::numeric_limits<double>::quiet_NaN();
  double pen_max = std::numeric_limits<double>::quiet_NaN();
};

struct ChangePoint {
  std::size_t index = 0;  // index in the input series of the first period after the change
  std::string label;      // its label (e.g. the year the new regime starts)
  double before = 0;      // pooled mean sum k / sum n of the segment before
  double after = 0;       // ... and after
  // Deviance drop from keeping this change given the others: cost(merged neighbours)
  // - cost(before) - cost(after); a likelihood-ratio statistic, compare with penalty.
  double cost_reduction = 0;
};

struct SegmentSummary {
  std::size_t begin = 0;  // first index (input series)
  std::size_t end = 0;    // one past the last index
  std::string first_label;
  std::string last_label;
  double successes = 0;
  double trials = 0;
  double mean = 0;  // successes / trials
};

struct ChangePointReport {
  std::vector<ChangePoint> change_points;
  std::vector<SegmentSummary> segments;
  Cost cost;                    // with the overdispersion actually used
  double effective_trials = 0;  // N_eff = sum n_t / (1 + (n_t - 1) rho)
  double penalty = 0;           // penalty of the chosen segmentation
  // The CROPS path (pelt) or the nested binseg sequence, fewest change points last;
  // change point indices refer to the input series.
  std::vector<Segmentation> path;
};

// Detects change points: drops periods with n_t = 0, estimates rho if asked,
// computes the penalty path and picks one segmentation by options.selection.
// Information criterion: penalty = ic_multiplier * log(N_eff), N_eff the effective
// number of independent votes; elbow: the path point farthest below the chord from
// the fewest to the most change points. Fewer than 2 * min_segment non-empty
// periods: no change points, one segment. Throws UsageError on bad counts/options.
ChangePointReport detect(const std::vector<SeriesPoint>& series, const ChangePointOptions& options);

}  // namespace rostrum::shifts
