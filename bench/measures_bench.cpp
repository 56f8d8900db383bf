// Kernels of the dyadic measures: the joint-table popcount kernel for one pair
// over a whole history, and all pairs x all sessions on a synthetic matrix the
// size of the General Assembly record (200 states x 6,200 roll calls).
#include <benchmark/benchmark.h>

#include <random>

#include "matrix/vote_matrix.hpp"
#include "measures/dyads.hpp"

namespace {

using namespace rostrum;

const VoteMatrix& ga_sized_matrix() {
  static VoteMatrix m = [] {
    VoteMatrix v;
    std::mt19937_64 rng(1);
    std::discrete_distribution<int> pick({15, 68, 11, 6});  // missing, yes, abstain, no
    for (int c = 0; c < 200; ++c) v.add_country("C" + std::to_string(c));
    for (int r = 0; r < 6200; ++r) {
      RollCallInfo info;
      info.id = r + 1;
      info.session = 1 + r / 84;
      info.session_label = std::to_string(info.session);
      info.date = make_date(1946 + r / 84, 1, 1) + r % 84;
      v.add_rollcall(info);
    }
    for (int c = 0; c < 200; ++c)
      for (int r = 0; r < 6200; ++r) v.set_vote(c, r, static_cast<Vote>(pick(rng)));
    v.finish();
    return v;
  }();
  return m;
}

void BM_JointCountsOnePairWholeHistory(benchmark::State& state) {
  const auto& m = ga_sized_matrix();
  std::vector<Word> all(m.words(), ~Word{0});
  for (auto _ : state) benchmark::DoNotOptimize(measures::joint_counts(m, 3, 7, all.data(), 0, m.words()));
  state.SetItemsProcessed(state.iterations() * m.rollcalls());
}
BENCHMARK(BM_JointCountsOnePairWholeHistory);

void BM_AllPairsAllSessionsAgree(benchmark::State& state) {
  const auto& m = ga_sized_matrix();
  std::vector<Word> all(m.words(), ~Word{0});
  auto periods = make_periods(m, PeriodKind::session, all);
  std::vector<std::pair<int, int>> pairs;
  for (int i = 0; i < m.countries(); ++i)
    for (int j = i + 1; j < m.countries(); ++j) pairs.emplace_back(i, j);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        measures::compute_dyads(m, pairs, periods, measures::Measure::agree, measures::CoincidenceRule::partial));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pairs.size() * periods.size()));
}
BENCHMARK(BM_AllPairsAllSessionsAgree)->Unit(benchmark::kMillisecond);

void BM_BootstrapOnePairPerYear(benchmark::State& state) {
  measures::JointCounts t;
  t.cell[0] = 60;
  t.cell[2] = 20;
  t.cell[5] = 5;
  t.cell[8] = 10;
  measures::BootstrapOptions boot;
  boot.replicates = 1000;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        measures::bootstrap_interval(t, 100, measures::Measure::agree, measures::CoincidenceRule::partial, boot, 1));
}
BENCHMARK(BM_BootstrapOnePairPerYear)->Unit(benchmark::kMicrosecond);

}  // namespace
