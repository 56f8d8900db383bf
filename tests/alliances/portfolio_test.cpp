// Portfolio similarity worked by hand, and the pair / group / portfolio tables on
// small hand-made alliance data.
#include <gtest/gtest.h>

#include <cmath>

#include "alliances/portfolio.hpp"
#include "alliances/timeline.hpp"
#include "core/error.hpp"
#include "registry/cow.hpp"
#include "registry/registry.hpp"

namespace rostrum::alliances {
namespace {

int id(const char* iso3) {
  int i = registry::index_of_iso3(iso3);
  EXPECT_GE(i, 0) << iso3;
  return i;
}

TEST(Portfolio, TieValueIsTheLargestWeightOfItsTypes) {
  PortfolioWeights w;
  EXPECT_EQ(tie_value(0, w), 0);
  EXPECT_EQ(tie_value(kConsul, w), 1);
  EXPECT_EQ(tie_value(kNonagg | kConsul, w), 2);
  EXPECT_EQ(tie_value(kNeutral, w), 2);
  EXPECT_EQ(tie_value(kDefense | kConsul, w), 3);
  EXPECT_EQ(tie_value(kOffense, w), 3);
  EXPECT_EQ(w.top(), 3);
}

// Four states; A and B have a defence pact, A and C a consultation pact.
// Portfolios (own tie = 3): A = (3, 3, 1, 0), B = (3, 3, 0, 0).
// SAD = 1, SSD = 1, S1 = 7, S2 = 6, Q1 = 19, Q2 = 18, n = 4:
//   S  = 1 - 2 (1/4) / 3                = 5/6
//   S2 = 1 - 2 (1/4) / 9                = 17/18
//   kappa = 1 - 1 / (37 - 2*7*6/4)      = 1 - 1/16
//   pi    = 1 - 1 / (37 - 13^2/8)       = 1 - 1/15.875
TEST(Portfolio, SimilarityOfTwoSmallPortfoliosByHand) {
  const double a[] = {3, 3, 1, 0}, b[] = {3, 3, 0, 0};
  Similarity s = similarity(a, b, 3);
  EXPECT_EQ(s.n, 4);
  EXPECT_NEAR(s.s, 5.0 / 6.0, 1e-12);
  EXPECT_NEAR(s.s2, 17.0 / 18.0, 1e-12);
  EXPECT_NEAR(s.kappa, 1.0 - 1.0 / 16.0, 1e-12);
  EXPECT_NEAR(s.pi, 1.0 - 1.0 / 15.875, 1e-12);
  EXPECT_FALSE(s.degenerate);
  // Identical portfolios are perfectly similar on every measure.
  Similarity same = similarity(a, a, 3);
  EXPECT_DOUBLE_EQ(same.s, 1.0);
  EXPECT_DOUBLE_EQ(same.kappa, 1.0);
  EXPECT_DOUBLE_EQ(same.pi, 1.0);
  // Opposite ends of the scale everywhere: S = -1.
  const double hi[] = {3, 3}, lo[] = {0, 0};
  EXPECT_DOUBLE_EQ(similarity(hi, lo, 3).s, -1.0);
  // Constant vectors: kappa's denominator is zero (Haege's convention: 0, flagged).
  Similarity flat = similarity(hi, hi, 3);
  EXPECT_TRUE(flat.degenerate);
  EXPECT_EQ(flat.kappa, 0.0);
}

// The same two portfolios inside the real 1816 state system of N placed states:
// every other state is 0 in both vectors, so the sums above hold with n = N.
TEST(Portfolio, SparsePortfoliosOverTheStateSystem) {
  const int usa = id("USA"), gbr = id("GBR"), fra = id("FRA");
  AllianceData d({{1816, usa, gbr, kDefense, -1}, {1816, fra, usa, kConsul, -1}}, {},
                 {{"atop", "atop", 1816, 1816, true, ""}});
  StateSystem system;
  const double n = static_cast<double>(system.members(1816).size());
  ASSERT_GT(n, 10);
  ASSERT_TRUE(system.contains(1816, usa) && system.contains(1816, gbr) && system.contains(1816, fra));
  Similarity s = portfolio_similarity(d, system, usa, gbr, 1816);
  EXPECT_EQ(s.n, static_cast<std::int64_t>(n));
  EXPECT_NEAR(s.s, 1.0 - 2.0 * (1.0 / n) / 3.0, 1e-12);
  EXPECT_NEAR(s.kappa, 1.0 - 1.0 / (37.0 - 2.0 * 7.0 * 6.0 / n), 1e-12);
  EXPECT_NEAR(s.pi, 1.0 - 1.0 / (37.0 - 169.0 / (2.0 * n)), 1e-12);
  // Symmetric in the pair.
  Similarity r = portfolio_similarity(d, system, gbr, usa, 1816);
  EXPECT_DOUBLE_EQ(r.kappa, s.kappa);
  // Not covered by a complete source, or a state outside the system: no value.
  EXPECT_EQ(portfolio_similarity(d, system, usa, gbr, 1817).n, 0);
  EXPECT_EQ(portfolio_similarity(d, system, usa, id("PRK"), 1816).n, 0);
}

AllianceData pair_data() {
  const int sun = id("SUN"), rus = id("RUS"), prk = id("PRK");
  std::vector<Treaty> treaties(1);
  treaties[0].name = "2024 treaty";
  return AllianceData({{1990, sun, prk, kDefense | kNonagg, -1},
                       {1990, prk, sun, kDefense | kNonagg, -1},
                       {1991, sun, prk, kDefense, -1},
                       {1993, rus, prk, kConsul, -1},
                       {2024, rus, prk, kDefense | kConsul, 0},
                       {2024, prk, rus, kDefense | kConsul, 0}},
                      treaties,
                      {{"atop", "atop", 1990, 1993, true, ""}, {"treaties", "treaties", 2024, 2025, false, ""}});
}

TEST(PairTimeline, KnownZerosInCoveredYearsAndNullsElsewhere) {
  AllianceData d = pair_data();
  Table t = pair_timeline(d, {"Russia", "DPRK", 1990, 2025});
  ASSERT_EQ(t.rows.size(), 36u);
  const int c_a = t.column("a"), c_def = t.column("defense"), c_nonagg = t.column("nonagg"),
            c_consul = t.column("consul"), c_cov = t.column("coverage"), c_tr = t.column("treaties");
  auto row = [&](int year) { return t.rows[static_cast<std::size_t>(year - 1990)]; };
  EXPECT_EQ(std::get<std::string>(row(1990)[c_a]), "SUN");
  EXPECT_EQ(std::get<std::string>(row(1992)[c_a]), "RUS");
  EXPECT_EQ(std::get<std::int64_t>(row(1990)[c_def]), 1);
  EXPECT_EQ(std::get<std::int64_t>(row(1990)[c_nonagg]), 1);
  EXPECT_EQ(std::get<std::int64_t>(row(1991)[c_def]), 1);  // one direction is enough
  EXPECT_EQ(std::get<std::int64_t>(row(1991)[c_nonagg]), 0);
  EXPECT_EQ(std::get<std::int64_t>(row(1992)[c_def]), 0);  // covered, no tie: a known 0
  EXPECT_EQ(std::get<std::int64_t>(row(1993)[c_consul]), 1);
  EXPECT_EQ(std::get<std::string>(row(1993)[c_cov]), "complete");
  // 1994-2023: no source speaks -> null, never 0.
  EXPECT_TRUE(std::holds_alternative<std::monostate>(row(2000)[c_def]));
  EXPECT_EQ(std::get<std::string>(row(2000)[c_cov]), "none");
  // 2024: the treaty says defense and consul; about the other types nothing is known.
  EXPECT_EQ(std::get<std::int64_t>(row(2024)[c_def]), 1);
  EXPECT_EQ(std::get<std::int64_t>(row(2024)[c_consul]), 1);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(row(2024)[c_nonagg]));
  EXPECT_EQ(std::get<std::string>(row(2024)[c_cov]), "treaties");
  EXPECT_EQ(std::get<std::string>(row(2024)[c_tr]), "2024 treaty");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(row(2025)[c_def]));  // the toy treaty has no 2025 ties

  // Default range: from the first year both are in the state system (PRK: 1948) to the data's last year.
  Table all = pair_timeline(d, {"RUS", "PRK", 0, 0});
  ASSERT_FALSE(all.rows.empty());
  EXPECT_EQ(std::get<std::int64_t>(all.rows.front()[0]), 1990);  // the data's first year is later
  EXPECT_EQ(std::get<std::int64_t>(all.rows.back()[0]), 2025);

  EXPECT_THROW(pair_timeline(d, {"RUS", "SUN", 0, 0}), UsageError);
  EXPECT_THROW(pair_timeline(d, {"RUS", "Atlantis", 0, 0}), UsageError);
  EXPECT_THROW(pair_timeline(d, {"RUS", "PRK", 2000, 1990}), UsageError);
}

TEST(GroupDensity, SharesOfMemberPairsByType) {
  // Three states, 1990: one defence pair (SUN-PRK) and one consultation pair (CHN-PRK) of three pairs.
  AllianceData d({{1990, id("SUN"), id("PRK"), kDefense, -1},
                  {1990, id("CHN"), id("PRK"), kConsul, -1},
                  {1991, id("PRK"), id("CHN"), kConsul | kDefense, -1}},
                 {}, {{"atop", "atop", 1990, 1991, true, ""}, {"t", "treaties", 1990, 1992, false, ""}});
  Table t = group_density(d, {"CHN,RUS,PRK", 1990, 1992, {}});
  ASSERT_EQ(t.rows.size(), 3u);
  const int c_def = t.column("defense"), c_consul = t.column("consul"), c_any = t.column("any"),
            c_pairs = t.column("pairs"), c_members = t.column("members");
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][c_pairs]), 3);
  EXPECT_EQ(std::get<std::string>(t.rows[0][c_members]), "CHN,SUN,PRK");
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][c_def]), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][c_consul]), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][c_any]), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[1][c_def]), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[1][c_any]), 1.0 / 3.0);
  EXPECT_EQ(std::get<std::string>(t.rows[1][c_members]), "CHN,SUN,PRK");  // the USSR holds 1991
  EXPECT_EQ(std::get<std::string>(t.rows[2][c_members]), "CHN,RUS,PRK");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[2][c_def]));  // 1992: not covered
}

TEST(GroupDensity, DatedGroupMembership) {
  // NATO in 2023: Finland in, Sweden not yet.
  AllianceData d({}, {}, {{"atop", "atop", 2023, 2023, true, ""}});
  Table t = group_density(d, {"NATO", 2023, 2023, {}});
  ASSERT_EQ(t.rows.size(), 1u);
  const std::string members = std::get<std::string>(t.rows[0][t.column("members")]);
  EXPECT_NE(members.find("FIN"), std::string::npos);
  EXPECT_EQ(members.find("SWE"), std::string::npos);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][t.column("pairs")]), 31 * 30 / 2);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][t.column("defense")]), 0.0);
}

TEST(PortfolioTimeline, NullOutsideCompleteCoverage) {
  AllianceData d = pair_data();
  Table t = portfolio_timeline(d, {"RUS", "PRK", 1990, 1994, {}});
  ASSERT_EQ(t.rows.size(), 5u);
  const int c_s = t.column("s"), c_n = t.column("n");
  for (int k = 0; k < 4; ++k) EXPECT_TRUE(std::holds_alternative<double>(t.rows[k][c_s])) << k;
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[4][c_s]));  // 1994 not covered
  StateSystem system;
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][c_n]), static_cast<std::int64_t>(system.members(1990).size()));
  // 1990: SUN and PRK each hold only the other (defense): both vectors are 3 at SUN and PRK, 0 elsewhere.
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][c_s]), 1.0);
  // 1992: no tie: SUN... RUS = (3 at RUS), PRK = (3 at PRK): SAD = 6 over n states.
  const double n = static_cast<double>(system.members(1992).size());
  EXPECT_NEAR(std::get<double>(t.rows[2][c_s]), 1.0 - 2.0 * (6.0 / n) / 3.0, 1e-12);
}

TEST(PortfolioTimeline, OneStateAgainstEveryOther) {
  AllianceData d = pair_data();
  Table t = portfolio_timeline(d, {"RUS", "all", 1990, 1995, {}});
  StateSystem system;
  // Only the covered years (1990-1993), every other member of the system.
  std::size_t expected = 0;
  for (int y = 1990; y <= 1993; ++y) expected += system.members(y).size() - 1;
  ASSERT_EQ(t.rows.size(), expected);
  const double n = static_cast<double>(system.members(1990).size());
  for (const auto& r : t.rows) {
    if (std::get<std::int64_t>(r[0]) != 1990) continue;
    const std::string b = std::get<std::string>(r[2]);
    EXPECT_NE(b, "SUN");
    // SUN = {SUN 3, PRK 3}; PRK the same; a state with no tie = {itself 3}: SAD = 9.
    if (b == "PRK") {
      EXPECT_DOUBLE_EQ(std::get<double>(r[3]), 1.0);
    }
    if (b == "USA") {
      EXPECT_NEAR(std::get<double>(r[3]), 1.0 - 2.0 * (9.0 / n) / 3.0, 1e-12);
    }
  }
}

}  // namespace
}  // namespace rostrum::alliances
