// Group cohesion indices worked out by hand, the random-voting null, and
// defection rates.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "matrix/vote_matrix.hpp"
#include "measures/cohesion.hpp"

namespace rostrum::measures {
namespace {

constexpr Vote Y = Vote::Yes, A = Vote::Abstain, N = Vote::No, M = Vote::Missing;

TEST(CohesionIndices, HandWorkedCounts) {
  // Y = 6, N = 2, A = 2: T = 10, m = 6.
  EXPECT_DOUBLE_EQ(cohesion_of_counts(CohesionIndex::rice, 6, 2, 2), 4.0 / 8.0);
  EXPECT_DOUBLE_EQ(cohesion_of_counts(CohesionIndex::attina, 6, 2, 2), (12.0 - 10.0) / 10.0);
  EXPECT_DOUBLE_EQ(cohesion_of_counts(CohesionIndex::ai, 6, 2, 2), (9.0 - 5.0) / 10.0);
  // Unanimity gives 1 on every index; a three-way tie gives AI = 0, Attina < 0.
  EXPECT_DOUBLE_EQ(cohesion_of_counts(CohesionIndex::ai, 5, 0, 0), 1.0);
  EXPECT_DOUBLE_EQ(cohesion_of_counts(CohesionIndex::ai, 2, 2, 2), 0.0);
  EXPECT_DOUBLE_EQ(cohesion_of_counts(CohesionIndex::attina, 2, 2, 2), -1.0 / 3.0);
  // Rice ignores abstentions; undefined when nobody votes yes or no.
  EXPECT_DOUBLE_EQ(cohesion_of_counts(CohesionIndex::rice, 3, 3, 10), 0.0);
  EXPECT_TRUE(std::isnan(cohesion_of_counts(CohesionIndex::rice, 0, 0, 4)));
  // One voter says nothing about cohesion.
  EXPECT_TRUE(std::isnan(cohesion_of_counts(CohesionIndex::ai, 1, 0, 0)));
}

VoteMatrix group_matrix() {
  // Four members, three roll calls; C3 joins only from the third roll call's date.
  VoteMatrix m;
  for (const char* c : {"AAA", "BBB", "CCC", "DDD"}) m.add_country(c);
  for (int r = 0; r < 3; ++r) {
    RollCallInfo info;
    info.id = r + 1;
    info.session = 1;
    info.date = make_date(2001, 1, 1 + r);
    m.add_rollcall(info);
  }
  const Vote votes[4][3] = {{Y, Y, N}, {Y, N, N}, {Y, A, M}, {N, N, Y}};
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 3; ++r) m.set_vote(c, r, votes[c][r]);
  m.finish();
  return m;
}

TEST(Cohesion, AveragesOverRollCallsWithDatedMembership) {
  auto m = group_matrix();
  // DDD is a member only from 2001-01-03.
  auto member = [&](int c, Date d) { return c < 3 || d >= make_date(2001, 1, 3); };
  Period all{"all", 0, 1, std::vector<Word>{0b111}};
  CohesionOptions opt;
  opt.index = CohesionIndex::ai;
  opt.null_replicates = 0;
  auto r = cohesion(m, member, {all}, opt);
  ASSERT_EQ(r.size(), 1u);
  // rc0: Y Y Y (DDD not yet a member) -> 1; rc1: Y N A -> m = 1, T = 3 -> 0;
  // rc2: N N (CCC absent) Y -> m = 2, T = 3 -> (3 - 1.5) / 3 = 0.5
  EXPECT_DOUBLE_EQ(r[0].value, (1.0 + 0.0 + 0.5) / 3.0);
  EXPECT_EQ(r[0].rollcalls, 3);
  EXPECT_DOUBLE_EQ(r[0].mean_members, 3.0);
  EXPECT_TRUE(std::isnan(r[0].null_mean));
}

TEST(Cohesion, NullOfRandomVotingIsBelowAPerfectlyCohesiveGroup) {
  // Ten members voting identically on 40 roll calls, mixing yes and no across roll calls.
  VoteMatrix m;
  for (int c = 0; c < 10; ++c) m.add_country("C" + std::to_string(c));
  for (int r = 0; r < 40; ++r) {
    RollCallInfo info;
    info.id = r + 1;
    info.date = make_date(2001, 1, 1) + r;
    m.add_rollcall(info);
  }
  for (int c = 0; c < 10; ++c)
    for (int r = 0; r < 40; ++r) m.set_vote(c, r, r % 2 ? Y : N);
  m.finish();
  Period all{"all", 0, 1, std::vector<Word>{(Word{1} << 40) - 1}};
  CohesionOptions opt;
  opt.null_replicates = 300;
  auto r = cohesion(
      m, [](int, Date) { return true; }, {all}, opt);
  EXPECT_DOUBLE_EQ(r[0].value, 1.0);
  // Random yes/no at 50:50 among 10 voters: E[max] is about 6.2, so AI about 0.43.
  EXPECT_GT(r[0].null_mean, 0.3);
  EXPECT_LT(r[0].null_mean, 0.6);
  EXPECT_LT(r[0].null_hi, 1.0);
  EXPECT_LE(r[0].null_lo, r[0].null_mean);
}

TEST(Defections, CountVotesAgainstTheGroupPlurality) {
  auto m = group_matrix();
  auto member = [](int, Date) { return true; };
  Period all{"all", 0, 1, std::vector<Word>{0b111}};
  auto rows = defections(m, member, {all});
  // rc0: plurality Y (3 of 4): DDD defects. rc1: Y1 N2 A1 -> N: AAA and CCC defect.
  // rc2: N2 Y1 -> N: DDD defects.
  std::map<int, std::pair<std::int64_t, std::int64_t>> got;
  for (const auto& r : rows) got[r.country] = {r.votes, r.defections};
  EXPECT_EQ(got[0], std::make_pair(std::int64_t{3}, std::int64_t{1}));
  EXPECT_EQ(got[1], std::make_pair(std::int64_t{3}, std::int64_t{0}));
  EXPECT_EQ(got[2], std::make_pair(std::int64_t{2}, std::int64_t{1}));
  EXPECT_EQ(got[3], std::make_pair(std::int64_t{3}, std::int64_t{2}));
}

}  // namespace
}  // namespace rostrum::measures

namespace rostrum::measures {
namespace {

TEST(CohesionNullAdjusted, HandWorked) {
  // (0.8 - 0.6) / (1 - 0.6) = 0.5: halfway between random voting and unanimity.
  EXPECT_DOUBLE_EQ(null_adjusted(0.8, 0.6), 0.5);
  EXPECT_DOUBLE_EQ(null_adjusted(1.0, 0.3), 1.0);
  EXPECT_DOUBLE_EQ(null_adjusted(0.3, 0.3), 0.0);
  EXPECT_TRUE(std::isnan(null_adjusted(0.9, 1.0)));
  EXPECT_TRUE(std::isnan(null_adjusted(NAN, 0.5)));
}

// Two groups over 60 roll calls: A (three states) always unanimous, B (three
// states) split two against one on every roll call. A is more cohesive on the
// adjusted scale, with an interval above 0 and p near 0; reversed, p near 1.
TEST(CohesionCompare, AUnanimousGroupBeatsASplitOne) {
  VoteMatrix m;
  for (const char* c : {"A1", "A2", "A3", "B1", "B2", "B3"}) m.add_country(c);
  const int n = 60;
  for (int r = 0; r < n; ++r) {
    RollCallInfo info;
    info.id = r + 1;
    info.session = 1;
    info.date = make_date(2001, 1 + r / 28, 1 + r % 28);
    m.add_rollcall(info);
  }
  for (int r = 0; r < n; ++r) {
    const Vote a = r % 3 == 0 ? Vote::No : Vote::Yes;
    for (int c = 0; c < 3; ++c) m.set_vote(c, r, a);
    m.set_vote(3, r, Vote::Yes);
    m.set_vote(4, r, Vote::Yes);
    m.set_vote(5, r, r % 2 ? Vote::No : Vote::Abstain);
  }
  m.finish();
  auto periods = make_periods(m, PeriodKind::all, m.select({}));
  auto in_a = [](int c, Date) { return c < 3; };
  auto in_b = [](int c, Date) { return c >= 3; };
  CohesionOptions o;
  o.index = CohesionIndex::ai;
  o.null_replicates = 200;
  o.boot = 300;
  auto ab = compare_cohesion(m, in_a, in_b, periods, o);
  ASSERT_EQ(ab.size(), 1u);
  EXPECT_DOUBLE_EQ(ab[0].a.value, 1.0);
  // B: Y = 2 and one other vote on every roll call: AI = (1.5*2 - 1.5)/3 = 0.5.
  EXPECT_DOUBLE_EQ(ab[0].b.value, 0.5);
  EXPECT_NEAR(ab[0].a.adjusted, 1.0, 1e-12);
  EXPECT_GT(ab[0].difference, 0.2);
  EXPECT_GT(ab[0].lo, 0.0);
  EXPECT_LT(ab[0].p_not_greater, 0.01);
  EXPECT_EQ(ab[0].rollcalls, n);
  auto ba = compare_cohesion(m, in_b, in_a, periods, o);
  // The nulls are simulated on other streams when the groups swap sides: close, not equal.
  EXPECT_NEAR(ba[0].difference, -ab[0].difference, 0.05);
  EXPECT_GT(ba[0].p_not_greater, 0.99);
}

}  // namespace
}  // namespace rostrum::measures
