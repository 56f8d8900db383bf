// Cancellation of the long loops: the bootstrap over pairs and periods and the
// cohesion null stop when the thread's CancelToken trips, raise Cancelled, and
// give the same numbers as before when it does not trip.
#include <gtest/gtest.h>

#include <random>

#include "core/cancel.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/cohesion.hpp"
#include "measures/dyads.hpp"

namespace rostrum::measures {
namespace {

VoteMatrix random_matrix(int countries, int rollcalls, unsigned seed) {
  std::mt19937 rng(seed);
  VoteMatrix m;
  for (int c = 0; c < countries; ++c) m.add_country("C" + std::to_string(c));
  for (int r = 0; r < rollcalls; ++r) {
    RollCallInfo info;
    info.id = r + 1;
    info.session = 1;
    info.session_label = "1";
    info.date = make_date(2000, 1, 1) + r;
    m.add_rollcall(info);
  }
  const Vote codes[3] = {Vote::Yes, Vote::Abstain, Vote::No};
  for (int c = 0; c < countries; ++c)
    for (int r = 0; r < rollcalls; ++r) m.set_vote(c, r, codes[rng() % 3]);
  m.finish();
  return m;
}

struct Work {
  VoteMatrix m;
  std::vector<std::pair<int, int>> pairs;
  std::vector<Period> periods;
  explicit Work(int countries = 40) : m(random_matrix(countries, 200, 3)) {
    for (int i = 0; i < m.countries(); ++i)
      for (int j = i + 1; j < m.countries(); ++j) pairs.emplace_back(i, j);
    periods.push_back({"all", 0, m.words(), std::vector<Word>(m.words(), ~Word{0})});
  }
};

TEST(Cancel, BootstrapStopsAtTheDeadline) {
  Work w;
  BootstrapOptions boot;
  boot.replicates = 100000;  // 780 pairs x 100,000 replicates: minutes of work if not stopped
  CancelToken token;
  token.set_deadline(CancelToken::Clock::now() + std::chrono::milliseconds(50));
  CancelScope scope(&token);
  try {
    compute_dyads(w.m, w.pairs, w.periods, Measure::agree, CoincidenceRule::partial, boot);
    ADD_FAILURE() << "finished instead of stopping";
  } catch (const Cancelled& e) {
    EXPECT_EQ(e.reason(), CancelReason::deadline);
  }
}

TEST(Cancel, TrippedTokenStopsBeforeAnyWorkAndAnIdleTokenChangesNothing) {
  Work w(12);
  BootstrapOptions boot;
  boot.replicates = 200;
  auto plain = compute_dyads(w.m, w.pairs, w.periods, Measure::agree, CoincidenceRule::partial, boot);
  {
    CancelToken idle;
    idle.set_deadline(CancelToken::Clock::now() + std::chrono::hours(1));
    CancelScope scope(&idle);
    auto again = compute_dyads(w.m, w.pairs, w.periods, Measure::agree, CoincidenceRule::partial, boot);
    ASSERT_EQ(again.size(), plain.size());
    for (std::size_t k = 0; k < plain.size(); ++k) {
      EXPECT_EQ(again[k].value.value, plain[k].value.value);
      EXPECT_EQ(again[k].lo, plain[k].lo);
      EXPECT_EQ(again[k].hi, plain[k].hi);
    }
  }
  CancelToken gone;
  gone.cancel(CancelReason::disconnected);
  CancelScope scope(&gone);
  try {
    compute_dyads(w.m, w.pairs, w.periods, Measure::agree, CoincidenceRule::partial, boot);
    ADD_FAILURE() << "no exception";
  } catch (const Cancelled& e) {
    EXPECT_EQ(e.reason(), CancelReason::disconnected);
  }
}

TEST(Cancel, CohesionNullStopsAtTheDeadline) {
  Work w;
  CohesionOptions opt;
  opt.null_replicates = 100000000;  // hours of replicates if not stopped
  auto member = [](int c, Date) { return c < 30; };
  CancelToken token;
  token.set_deadline(CancelToken::Clock::now() + std::chrono::milliseconds(50));
  CancelScope scope(&token);
  EXPECT_THROW(cohesion(w.m, member, w.periods, opt), Cancelled);
}

TEST(Cancel, CohesionBootstrapAndPairedComparisonStopAtTheDeadline) {
  Work w;
  CohesionOptions opt;
  opt.null_replicates = 0;
  opt.boot = 10000000;  // 2e9 resampled roll calls per period: minutes if not stopped
  auto a = [](int c, Date) { return c < 20; };
  auto b = [](int c, Date) { return c >= 20; };
  {
    CancelToken token;
    token.set_deadline(CancelToken::Clock::now() + std::chrono::milliseconds(50));
    CancelScope scope(&token);
    EXPECT_THROW(cohesion(w.m, a, w.periods, opt), Cancelled);
  }
  CancelToken token;
  token.set_deadline(CancelToken::Clock::now() + std::chrono::milliseconds(50));
  CancelScope scope(&token);
  EXPECT_THROW(compare_cohesion(w.m, a, b, w.periods, opt), Cancelled);
}

}  // namespace
}  // namespace rostrum::measures
