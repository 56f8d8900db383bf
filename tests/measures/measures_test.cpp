// Dyadic measures on tiny vote tables worked out by hand, and the fast all-pairs
// path against a naive per-pair loop on random data.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <random>

#include "matrix/vote_matrix.hpp"
#include "measures/dyads.hpp"
#include "measures/joint_counts.hpp"

namespace rostrum::measures {
namespace {

constexpr Vote Y = Vote::Yes, A = Vote::Abstain, N = Vote::No, X = Vote::NonVoting, M = Vote::Missing;

// A matrix with one roll call per entry of the vote lists (all on distinct days).
VoteMatrix make_matrix(const std::vector<std::vector<Vote>>& votes) {
  VoteMatrix m;
  for (std::size_t c = 0; c < votes.size(); ++c) m.add_country("C" + std::to_string(c));
  for (std::size_t r = 0; r < votes[0].size(); ++r) {
    RollCallInfo info;
    info.id = static_cast<std::int64_t>(r + 1);
    info.session = 1;
    info.session_label = "1";
    info.date = make_date(2000, 1, 1) + static_cast<int>(r);
    m.add_rollcall(info);
  }
  for (std::size_t c = 0; c < votes.size(); ++c)
    for (std::size_t r = 0; r < votes[c].size(); ++r) m.set_vote(static_cast<int>(c), static_cast<int>(r), votes[c][r]);
  m.finish();
  return m;
}

JointCounts table_of(const VoteMatrix& m, int i, int j) {
  std::vector<Word> all(m.words(), ~Word{0});
  return joint_counts(m, i, j, all.data(), 0, m.words());
}

// a: Y Y A N ; b: Y N A A. Distances 0, 2, 0, 1.
class FourVotes : public ::testing::Test {
 protected:
  VoteMatrix m = make_matrix({{Y, Y, A, N}, {Y, N, A, A}});
  JointCounts t = table_of(m, 0, 1);
};

TEST_F(FourVotes, JointTableCountsEachCombination) {
  EXPECT_EQ(t.joint(), 4);
  EXPECT_EQ(t.at(kY, kY), 1);
  EXPECT_EQ(t.at(kY, kN), 1);
  EXPECT_EQ(t.at(kA, kA), 1);
  EXPECT_EQ(t.at(kN, kA), 1);
  EXPECT_EQ(t.at(kA, kN), 0);
}

TEST_F(FourVotes, VoetenAgree) {
  // mean(1, 0, 1, 0.5) = 0.625
  auto v = compute(Measure::agree, t);
  EXPECT_DOUBLE_EQ(v.value, 0.625);
  EXPECT_EQ(v.n, 4);
}

TEST_F(FourVotes, SignorinoRitterS) {
  // absolute: d = 3/4, S = 1 - 2 (3/4) / 2 = 0.25; squared: d = 5/4, S = 1 - 2 (5/4) / 4 = 0.375
  EXPECT_DOUBLE_EQ(compute(Measure::s, t).value, 0.25);
  EXPECT_DOUBLE_EQ(compute(Measure::s2, t).value, 0.375);
}

TEST_F(FourVotes, HaegeKappaAndPi) {
  // x = 1,1,2,3: S1 = 7, Q1 = 15; y = 1,3,2,2: S2 = 8, Q2 = 18; SSD = 5; n = 4.
  // kappa = 1 - 5 / (33 - 2*7*8/4) = 0 ; pi = 1 - 5 / (33 - 15^2/8) = 1 - 5/4.875
  EXPECT_NEAR(compute(Measure::kappa, t).value, 0.0, 1e-12);
  EXPECT_NEAR(compute(Measure::pi, t).value, 1.0 - 5.0 / 4.875, 1e-12);
}

TEST_F(FourVotes, ChanceAdjustedA) {
  // marginals a: Y .5, A .25, N .25; b: Y .25, A .5, N .25 -> E[d] = .875, E[S] = .125;
  // S = .25, so A = .125
  EXPECT_NEAR(compute(Measure::a, t).value, 0.125, 1e-12);
}

TEST_F(FourVotes, CoincidenceRules) {
  // same 1 (YY), opposite 1 (YN), partial 1 (NA); AA is neither.
  EXPECT_DOUBLE_EQ(compute(Measure::coincidence, t, CoincidenceRule::votes_only).value, 0.5);
  auto partial = compute(Measure::coincidence, t, CoincidenceRule::partial);
  EXPECT_DOUBLE_EQ(partial.value, 1.5 / 3.0);
  EXPECT_EQ(partial.n, 3);
}

TEST(Coincidence, NonVotingCountsAsAbstentionOnlyUnderThe2021Rule) {
  // a: Y Y N Y ; b: Y X X N -> same 1, opposite 1, (Y,X) and (N,X) non-voting.
  auto m = make_matrix({{Y, Y, N, Y}, {Y, X, X, N}});
  auto t = table_of(m, 0, 1);
  EXPECT_DOUBLE_EQ(compute(Measure::coincidence, t, CoincidenceRule::partial).value, 0.5);
  // 2021-: (1 + 0.5 * 2) / (1 + 1 + 2) = 0.5 ... choose votes that separate the rules:
  auto m2 = make_matrix({{Y, Y, Y}, {Y, X, X}});
  auto t2 = table_of(m2, 0, 1);
  EXPECT_DOUBLE_EQ(compute(Measure::coincidence, t2, CoincidenceRule::partial).value, 1.0);
  EXPECT_DOUBLE_EQ(compute(Measure::coincidence, t2, CoincidenceRule::nonvoting_as_abstain).value, 2.0 / 3.0);
  EXPECT_EQ(compute(Measure::coincidence, t2, CoincidenceRule::nonvoting_as_abstain).n, 3);
}

TEST(Measures, AbsentAndNonVotingAreNotJointVotes) {
  auto m = make_matrix({{Y, M, X, N}, {Y, Y, Y, M}});
  auto t = table_of(m, 0, 1);
  EXPECT_EQ(t.joint(), 1);
  EXPECT_DOUBLE_EQ(compute(Measure::agree, t).value, 1.0);
}

TEST(Measures, NoJointVotesGiveNaNAndZeroN) {
  auto m = make_matrix({{Y, M}, {M, N}});
  auto t = table_of(m, 0, 1);
  for (Measure me : {Measure::agree, Measure::s, Measure::s2, Measure::kappa, Measure::pi, Measure::a}) {
    auto v = compute(me, t);
    EXPECT_EQ(v.n, 0);
    EXPECT_TRUE(std::isnan(v.value)) << measure_name(me);
  }
  EXPECT_TRUE(std::isnan(compute(Measure::coincidence, t).value));
}

TEST(Measures, AllAbstainPairIsPerfectAgreementButDegenerateKappa) {
  auto m = make_matrix({{A, A, A}, {A, A, A}});
  auto t = table_of(m, 0, 1);
  EXPECT_DOUBLE_EQ(compute(Measure::agree, t).value, 1.0);
  EXPECT_DOUBLE_EQ(compute(Measure::s, t).value, 1.0);
  // No variation: kappa's and pi's denominators are zero -> 0 by Haege's convention, flagged.
  auto k = compute(Measure::kappa, t);
  EXPECT_EQ(k.value, 0.0);
  EXPECT_TRUE(k.degenerate);
  auto p = compute(Measure::pi, t);
  EXPECT_EQ(p.value, 0.0);
  EXPECT_TRUE(p.degenerate);
  // Nothing to coincide on: all-abstain is neither same nor opposite nor partial.
  EXPECT_EQ(compute(Measure::coincidence, t).n, 0);
}

TEST(Measures, PerfectOppositionAndTies) {
  auto m = make_matrix({{Y, N, Y, N}, {N, Y, N, Y}});
  auto t = table_of(m, 0, 1);
  EXPECT_DOUBLE_EQ(compute(Measure::agree, t).value, 0.0);
  EXPECT_DOUBLE_EQ(compute(Measure::s, t).value, -1.0);
  EXPECT_DOUBLE_EQ(compute(Measure::s2, t).value, -1.0);
  // x = 1,3,1,3 ; y = 3,1,3,1: S1 = S2 = 8, Q1 = Q2 = 20, SSD = 16:
  // kappa = 1 - 16 / (40 - 2*64/4) = 1 - 16/8 = -1
  EXPECT_NEAR(compute(Measure::kappa, t).value, -1.0, 1e-12);
  EXPECT_DOUBLE_EQ(compute(Measure::coincidence, t, CoincidenceRule::votes_only).value, 0.0);
}

TEST(Unanimity, VoetenFilterDropsRollCallsWhereAllVotersAgreed) {
  // Roll call 0: all yes (dropped); 1: yes/no (kept); 2: yes + one absent (dropped);
  // 3: all abstain (dropped); 4: yes/abstain (kept).
  auto m = make_matrix({{Y, Y, Y, A, Y}, {Y, N, M, A, A}, {Y, N, Y, A, Y}});
  std::vector<Word> all(m.words(), ~Word{0});
  auto kept = drop_unanimous(m, all);
  EXPECT_EQ(kept[0] & 0x1F, Word{0b10010});
}

TEST(AllPairs, FastPathEqualsNaivePerPairLoopOnRandomVotes) {
  std::mt19937_64 rng(42);
  const int countries = 23, rollcalls = 517;
  std::vector<std::vector<Vote>> votes(countries, std::vector<Vote>(rollcalls));
  std::discrete_distribution<int> pick({5, 2, 2, 1, 2});  // missing, yes, abstain, no, non-voting
  for (auto& row : votes)
    for (auto& v : row) v = static_cast<Vote>(pick(rng));
  auto m = make_matrix(votes);
  // Three periods cutting word boundaries: [0, 100), [100, 300), [300, 517).
  std::vector<Period> periods;
  for (auto [b, e] : {std::pair{0, 100}, {100, 300}, {300, 517}}) {
    Period p;
    p.label = std::to_string(b);
    p.mask.assign(m.words(), 0);
    for (int r = b; r < e; ++r) p.mask[r / 64] |= Word{1} << (r % 64);
    p.word_begin = b / 64;
    p.word_end = (e - 1) / 64 + 1;
    periods.push_back(p);
  }
  std::vector<std::pair<int, int>> pairs;
  for (int i = 0; i < countries; ++i)
    for (int j = i + 1; j < countries; ++j) pairs.emplace_back(i, j);
  auto code = [](Vote v) { return static_cast<int>(v); };
  for (Measure me :
       {Measure::agree, Measure::s, Measure::s2, Measure::kappa, Measure::pi, Measure::a, Measure::coincidence}) {
    auto fast = compute_dyads(m, pairs, periods, me, CoincidenceRule::partial);
    ASSERT_EQ(fast.size(), pairs.size() * periods.size());
    for (const auto& r : fast) {
      // Naive: loop over the period's roll calls and apply the definition directly.
      const auto& p = periods[r.period];
      double sum_agree = 0, sum_abs = 0, sum_sq = 0, s1 = 0, s2 = 0, q1 = 0, q2 = 0;
      double ma[4] = {0, 0, 0, 0}, mb[4] = {0, 0, 0, 0};
      int n = 0, same = 0, opposite = 0, partial = 0;
      for (int rc = 0; rc < rollcalls; ++rc) {
        if (!((p.mask[rc / 64] >> (rc % 64)) & 1)) continue;
        Vote va = votes[r.a][rc], vb = votes[r.b][rc];
        bool ya = va == Y || va == N, yb = vb == Y || vb == N;
        if (ya && yb) (va == vb ? same : opposite)++;
        if ((ya && vb == A) || (va == A && yb)) partial++;
        if (!is_cast(va) || !is_cast(vb)) continue;
        int x = code(va), y = code(vb);
        ++n;
        sum_agree += 1.0 - std::abs(x - y) / 2.0;
        sum_abs += std::abs(x - y);
        sum_sq += (x - y) * (x - y);
        s1 += x;
        s2 += y;
        q1 += x * x;
        q2 += y * y;
        ma[x]++;
        mb[y]++;
      }
      double expected = NAN;
      switch (me) {
        case Measure::agree:
          expected = sum_agree / n;
          break;
        case Measure::s:
          expected = 1 - sum_abs / n;
          break;
        case Measure::s2:
          expected = 1 - sum_sq / n / 2;
          break;
        case Measure::kappa:
          expected = 1 - sum_sq / (q1 + q2 - 2 * s1 * s2 / n);
          break;
        case Measure::pi:
          expected = 1 - sum_sq / (q1 + q2 - (s1 + s2) * (s1 + s2) / (2.0 * n));
          break;
        case Measure::a: {
          double ed = 0;
          for (int x = 1; x <= 3; ++x)
            for (int y = 1; y <= 3; ++y) ed += ma[x] / n * mb[y] / n * std::abs(x - y);
          expected = (1 - sum_abs / n) - (1 - ed);
          break;
        }
        case Measure::coincidence:
          expected = (same + 0.5 * partial) / (same + opposite + partial);
          break;
      }
      ASSERT_NEAR(r.value.value, expected, 1e-12) << measure_name(me) << " pair " << r.a << "," << r.b;
      if (me != Measure::coincidence) {
        ASSERT_EQ(r.value.n, n);
      }
    }
  }
}

TEST(Bootstrap, IntervalBracketsTheEstimateAndNarrowsWithMoreVotes) {
  JointCounts small, large;
  small.cell[4 * kY + kY] = 6;
  small.cell[4 * kY + kN] = 4;
  large.cell[4 * kY + kY] = 600;
  large.cell[4 * kY + kN] = 400;
  BootstrapOptions boot;
  boot.replicates = 2000;
  auto [lo1, hi1] = bootstrap_interval(small, 10, Measure::agree, CoincidenceRule::partial, boot, 7);
  auto [lo2, hi2] = bootstrap_interval(large, 1000, Measure::agree, CoincidenceRule::partial, boot, 7);
  EXPECT_LT(lo1, 0.6);
  EXPECT_GT(hi1, 0.6);
  EXPECT_LT(lo2, 0.6);
  EXPECT_GT(hi2, 0.6);
  // Binomial SE of 0.6 with n = 1000 is 0.0155: the 95% interval is about +-0.03.
  EXPECT_NEAR(hi2 - lo2, 2 * 1.96 * std::sqrt(0.24 / 1000), 0.01);
  EXPECT_GT(hi1 - lo1, 3 * (hi2 - lo2));
}

TEST(Bootstrap, SameSeedSameIntervalWhateverTheOrder) {
  auto m = make_matrix({{Y, N, Y, A, Y, N, Y, Y}, {Y, Y, N, A, Y, N, N, Y}, {N, N, Y, Y, A, Y, Y, N}});
  Period p;
  p.label = "all";
  p.mask.assign(m.words(), ~Word{0});
  p.word_begin = 0;
  p.word_end = m.words();
  BootstrapOptions boot;
  boot.replicates = 500;
  auto r1 = compute_dyads(m, {{0, 1}, {0, 2}}, {p}, Measure::agree, CoincidenceRule::partial, boot);
  auto r2 = compute_dyads(m, {{0, 2}, {0, 1}}, {p}, Measure::agree, CoincidenceRule::partial, boot);
  EXPECT_EQ(r1[0].lo, r2[1].lo);
  EXPECT_EQ(r1[0].hi, r2[1].hi);
  EXPECT_EQ(r1[1].lo, r2[0].lo);
}

TEST(Chunked, SameResultsInTheSameOrderWhateverTheChunkSize) {
  std::mt19937_64 rng(7);
  const int countries = 9, rollcalls = 300;
  std::vector<std::vector<Vote>> votes(countries, std::vector<Vote>(rollcalls));
  std::discrete_distribution<int> pick({3, 4, 2, 2, 1});
  for (auto& row : votes)
    for (auto& v : row) v = static_cast<Vote>(pick(rng));
  auto m = make_matrix(votes);
  std::vector<Period> periods;
  for (auto [b, e] : {std::pair{0, 70}, {70, 150}, {150, 151}, {151, 300}}) {
    Period p;
    p.label = std::to_string(b);
    p.mask.assign(m.words(), 0);
    for (int r = b; r < e; ++r) p.mask[r / 64] |= Word{1} << (r % 64);
    p.word_begin = b / 64;
    p.word_end = (e - 1) / 64 + 1;
    periods.push_back(p);
  }
  std::vector<std::pair<int, int>> pairs;
  for (int i = 0; i < countries; ++i)
    for (int j = i + 1; j < countries; ++j) pairs.emplace_back(i, j);
  BootstrapOptions boot;
  boot.replicates = 50;
  boot.seed = 11;
  const auto whole = compute_dyads(m, pairs, periods, Measure::agree, CoincidenceRule::partial, boot);
  // 36 pairs x 4 periods = 144 results: chunks of 1; of 40 and 100, which split
  // periods and leave a short last chunk; of exactly one period; larger than all.
  for (std::size_t chunk : {std::size_t{1}, std::size_t{40}, std::size_t{36}, std::size_t{100}, std::size_t{1} << 20}) {
    std::vector<DyadResult> streamed;
    int calls = 0;
    compute_dyads_chunked(
        m, pairs, periods, Measure::agree, CoincidenceRule::partial, boot,
        [&](std::span<const DyadResult> part) {
          ++calls;
          streamed.insert(streamed.end(), part.begin(), part.end());
        },
        chunk);
    const std::size_t total = pairs.size() * periods.size(), per_call = std::min(chunk, total);
    EXPECT_EQ(calls, static_cast<int>((total + per_call - 1) / per_call)) << chunk;
    ASSERT_EQ(streamed.size(), whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
      EXPECT_EQ(streamed[i].a, whole[i].a);
      EXPECT_EQ(streamed[i].b, whole[i].b);
      EXPECT_EQ(streamed[i].period, whole[i].period);
      EXPECT_EQ(streamed[i].value.n, whole[i].value.n);
      // Bit-identical, NaN included (a pair with no joint vote in the one-roll-call period).
      auto bits = [](double x) { return std::bit_cast<std::uint64_t>(x); };
      EXPECT_EQ(bits(streamed[i].value.value), bits(whole[i].value.value)) << i;
      EXPECT_EQ(bits(streamed[i].lo), bits(whole[i].lo)) << i;
      EXPECT_EQ(bits(streamed[i].hi), bits(whole[i].hi)) << i;
    }
  }
}

}  // namespace
}  // namespace rostrum::measures
