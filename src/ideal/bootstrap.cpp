// Parametric bootstrap of the positions: votes simulated from the fitted model,
// each replicate refitted from the fit (on one thread; replicates in parallel,
// each with its own SplitMix64-derived stream, so the result does not depend on
// the thread count); the interval combines the replicates' SD with the
// variational SD. Cost: Options::boot times a fit's, O(iterations * (votes +
// items + state-sessions)) per replicate, plus O(boot * state-sessions).
#include <cmath>
#include <random>
#include <utility>

#include "core/seed.hpp"
#include "core/stats.hpp"
#include "ideal/internal.hpp"

namespace rostrum::ideal::internal {

// Simulates votes from the fit, refits each replicate from the fitted values.
void bootstrap(const Problem& p, const Options& o, const Params& x, int threads, Result& res) {
  const int B = o.boot;
  std::vector<std::vector<double>> draws(B);
  // Replicates start at the fit, where the first steps are small: a tighter
  // stopping rule keeps them from stopping before they have moved.
  Options ob = o;
  ob.tol = o.tol * 1e-2, ob.min_corr = 1 - (1 - o.min_corr) * 1e-2;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (int rep = 0; rep < B; ++rep) {
    std::mt19937_64 rng(splitmix64(o.seed * 1000003ULL + static_cast<std::uint64_t>(rep)));
    std::normal_distribution<double> N01(0.0, 1.0);
    std::vector<std::uint8_t> cat(p.v_cat.size());
    for (std::size_t k = 0; k < cat.size(); ++k) {
      const int it = p.v_item[k];
      const double ys = x.beta[it] * x.m[p.v_ss[k]] + N01(rng);
      cat[k] = ys < x.c1[it] ? 0 : (p.binary ? 2 : (ys < x.c2[it] ? 1 : 2));
    }
    Params xb = x;
    run(p, ob, cat, 1, xb, {});
    draws[rep] = std::move(xb.m);
  }
  const double hi_q = 1 - (1 - o.level) / 2;
  std::vector<double> col(B);
  for (int ss = 0; ss < p.n_ss; ++ss) {
    double mu = 0, sd = 0;
    for (int rep = 0; rep < B; ++rep) col[rep] = draws[rep][ss], mu += col[rep];
    mu /= B;
    for (double v : col) sd += (v - mu) * (v - mu);
    auto& e = res.estimates[ss];
    e.boot_sd = B > 1 ? std::sqrt(sd / (B - 1)) : 0;
    // The replicates' spread measures the estimator's sampling variability
    // given the fitted items; it misses the posterior uncertainty that the
    // variational SD measures (the fitted slopes make replicates too
    // informative), so the interval uses both: theta +- z sqrt(boot_sd^2 + sd^2).
    const double z = normal_quantile(hi_q);
    const double half = z * std::sqrt(e.boot_sd * e.boot_sd + e.sd * e.sd);
    e.lo = e.ideal - half, e.hi = e.ideal + half;
  }
}

}  // namespace rostrum::ideal::internal
