// Google Benchmark kernels of the ideal-point engine: the per-vote E-step terms
// (truncated-normal moments / Mills ratios), the scalar Kalman smoother, and
// whole fits on simulated data.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "ideal/ideal.hpp"
#include "ideal/kernels.hpp"
#include "ideal/simulate.hpp"

namespace ri = rostrum::ideal;
using ri::detail::kInf;

namespace {
std::vector<double> latent_means(std::size_t n) {
  std::mt19937_64 rng(1);
  std::normal_distribution<double> N(0.0, 3.0);  // a spread like the real data's, tails included
  std::vector<double> mu(n);
  for (auto& v : mu) v = N(rng);
  return mu;
}
}  // namespace

// Moments of the latent utility for a Yes vote (one-sided region), per vote.
static void BM_TruncatedNormalTail(benchmark::State& state) {
  auto mu = latent_means(4096);
  for (auto _ : state)
    for (double m : mu) benchmark::DoNotOptimize(ri::detail::truncated_normal(m, 1.0, -kInf, 0.0));
  state.SetItemsProcessed(state.iterations() * mu.size());
}
BENCHMARK(BM_TruncatedNormalTail);

// Moments for an abstention (two-sided region).
static void BM_TruncatedNormalInterval(benchmark::State& state) {
  auto mu = latent_means(4096);
  for (auto _ : state)
    for (double m : mu) benchmark::DoNotOptimize(ri::detail::truncated_normal(m, 0.7, 0.0, 1.0));
  state.SetItemsProcessed(state.iterations() * mu.size());
}
BENCHMARK(BM_TruncatedNormalInterval);

// The Newton steps' per-vote terms (log probability and Mills ratios).
static void BM_VoteTerms(benchmark::State& state) {
  auto mu = latent_means(4096);
  for (auto _ : state)
    for (double m : mu) benchmark::DoNotOptimize(ri::detail::vote_terms(-kInf, 0.3 - m));
  state.SetItemsProcessed(state.iterations() * mu.size());
}
BENCHMARK(BM_VoteTerms);

// Kalman filter + RTS smoother over a state's sessions (74 = the whole UNGA history).
static void BM_KalmanSmooth(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::mt19937_64 rng(2);
  std::uniform_real_distribution<double> U(0.1, 50.0);
  std::vector<double> h(n), P(n), q(n, 0.01), mean(n), var(n), work(2 * n);
  for (int k = 0; k < n; ++k) P[k] = U(rng), h[k] = P[k] * (U(rng) / 25 - 1);
  for (auto _ : state) {
    ri::detail::kalman_smooth(n, h.data(), P.data(), q.data(), 0.0, 1.0, mean.data(), var.data(), work.data());
    benchmark::DoNotOptimize(mean.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_KalmanSmooth)->Arg(5)->Arg(74);

// A whole dynamic ordinal fit on simulated data (arg: states; 10 sessions x 100 roll calls).
static void BM_EstimateSimulated(benchmark::State& state) {
  ri::SimSpec sp;
  sp.states = static_cast<int>(state.range(0)), sp.sessions = 10, sp.rollcalls_per_session = 100;
  ri::Data d = ri::simulate(sp);
  ri::Options o;
  o.threads = 1;
  for (auto _ : state) benchmark::DoNotOptimize(ri::estimate(d, o).fit.loglik);
  state.SetItemsProcessed(state.iterations() * d.votes.size());
}
BENCHMARK(BM_EstimateSimulated)->Arg(50)->Arg(190)->Unit(benchmark::kMillisecond);

// main() comes from benchmark::benchmark_main (bench/CMakeLists.txt).
