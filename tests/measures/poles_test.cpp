// Positions between two poles: the projection formula and the per-roll-call
// contributions, worked out by hand; the bootstrap resamples roll calls.
#include <gtest/gtest.h>

#include <cmath>

#include "matrix/vote_matrix.hpp"
#include "measures/poles.hpp"

namespace {

TEST(ProjectionOnPoles, HandWorked) {
  using rostrum::measures::projection_on_poles;
  // Poles at distance 1 (agreement 0): a state at A is 0, at B is 1, midway 0.5.
  EXPECT_DOUBLE_EQ(projection_on_poles(1.0, 0.0, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(projection_on_poles(0.0, 1.0, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(projection_on_poles(0.5, 0.5, 0.0), 0.5);
  // d_a = 0.45, d_b = 0.30, d_ab = 0.8: (0.2025 - 0.09 + 0.64) / 1.28.
  EXPECT_NEAR(projection_on_poles(0.55, 0.70, 0.20), 0.7525 / 1.28, 1e-12);
  // An outlying pole A: every state is far from A (d_a = 0.6) and from B by 0.3 or
  // 0.5. The margin calls both "nearer B"; the projection keeps them apart.
  const double near_b = projection_on_poles(0.4, 0.7, 0.3), middle = projection_on_poles(0.4, 0.5, 0.3);
  EXPECT_GT(near_b, middle);
  EXPECT_NEAR(middle, (0.36 - 0.25 + 0.49) / 0.98, 1e-12);
  EXPECT_TRUE(std::isnan(projection_on_poles(0.5, 0.5, 1.0)));  // the poles coincide
}

}  // namespace

namespace rostrum::measures {
namespace {

// Pole A = state 0, pole B = state 1, a third state 2:
//   r1: A yes, B no,  X yes      r2: A yes, B yes, X abstain
TEST(PoleContributions, HandWorked) {
  VoteMatrix m;
  for (const char* c : {"AAA", "BBB", "XXX"}) m.add_country(c);
  for (int r = 0; r < 2; ++r) {
    RollCallInfo info;
    info.id = r + 1;
    info.date = make_date(2001, 1, 1 + r);
    m.add_rollcall(info);
  }
  m.set_vote(0, 0, Vote::Yes);
  m.set_vote(1, 0, Vote::No);
  m.set_vote(2, 0, Vote::Yes);
  m.set_vote(0, 1, Vote::Yes);
  m.set_vote(1, 1, Vote::Yes);
  m.set_vote(2, 1, Vote::Abstain);
  m.finish();
  const auto c = pole_contributions(m, {0}, {1}, m.select({}));
  ASSERT_EQ(c.rollcalls.size(), 2u);
  const auto p = pole_positions(c, {1, 1});
  EXPECT_DOUBLE_EQ(p.to_a[2], (1.0 + 0.5) / 2);  // yes-yes 1, abstain-yes 0.5
  EXPECT_DOUBLE_EQ(p.to_b[2], (0.0 + 0.5) / 2);
  EXPECT_DOUBLE_EQ(p.agree_ab, (0.0 + 1.0) / 2);
  // d_a = 0.25, d_b = 0.75, d_ab = 0.5: (0.0625 - 0.5625 + 0.25) / 0.5 = -0.5 (beyond A).
  EXPECT_DOUBLE_EQ(p.position[2], -0.5);
  // A one-state pole has no agreement with itself: its own position is undefined.
  EXPECT_TRUE(std::isnan(p.position[0]));
  EXPECT_DOUBLE_EQ(p.n_a[2], 2.0);
}

}  // namespace
}  // namespace rostrum::measures
