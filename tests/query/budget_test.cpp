// Work estimates counted by hand on a small store: four states, six roll calls in
// two sessions (2018, 2019).
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/import.hpp"
#include "query/budget.hpp"
#include "registry/groups.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace rostrum::query {
namespace {

struct Budget : ::testing::Test {
  rostrum::testing::TempDir dir;
  std::unique_ptr<Context> ctx;

  void SetUp() override {
    const char* names[] = {"United States", "Russia", "China", "United Kingdom"};
    const char* codes[] = {"US", "RU", "CN", "GB"};
    const char* votes[] = {"yes", "no", "abstain"};
    std::string v = "\"rcid\",\"country\",\"country_code\",\"vote\"\n";
    std::string rc =
        "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\",\"descr\"\n";
    for (int r = 0; r < 6; ++r) {
      const bool second = r >= 3;
      for (int c = 0; c < 4; ++c)
        v += std::to_string(101 + r) + ",\"" + names[c] + "\",\"" + codes[c] + "\",\"" + votes[(r + c) % 3] + "\"\n";
      rc += std::to_string(101 + r) + "," + (second ? "74" : "73") + ",0," + (second ? "2019-11-0" : "2018-11-0") +
            std::to_string(r + 1) + ",\"R/7" + std::to_string(r) + "/1\",0,0,\"T\",\"T\"\n";
    }
    dir.write("unvotes/un_votes.csv", v);
    dir.write("unvotes/un_roll_calls.csv", rc);
    dir.write("unvotes/un_roll_call_issues.csv", "\"rcid\",\"short_name\",\"issue\"\n");
    const std::string db = (dir.path() / "b.db").string();
    store::Store::open(db, true).write_source(io::import_unvotes((dir.path() / "unvotes").string()));
    ctx = std::make_unique<Context>(db);
  }
};

TEST_F(Budget, AgreeIsPairsTimesPeriodsTimesReplicates) {
  auto e =
      estimate_work(*ctx, "agree", {{"a", "USA"}, {"b", "RUS"}, {"by", "session"}, {"ci", "0.95"}, {"boot", "500"}});
  EXPECT_DOUBLE_EQ(e.steps, 1 * 2 * (1 + 500));
  EXPECT_DOUBLE_EQ(e.seconds, 2 * (step_cost::dyad_us + 500 * step_cost::replicate_us) * 1e-6);
  EXPECT_EQ(e.parameter, "boot");
  EXPECT_EQ(e.formula, "pairs 1 x periods 2 x (1 + replicates 500)");
  // ci alone bootstraps 1000 times; without ci there is no bootstrap.
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "agree", {{"a", "USA"}, {"b", "RUS"}, {"ci", "0.9"}}).steps, 1 * 1 * 1001);
  // all x all: unordered pairs of the four states, by year.
  e = estimate_work(*ctx, "agree", {{"a", "all"}, {"b", "all"}, {"by", "year"}});
  EXPECT_DOUBLE_EQ(e.steps, 6 * 2);
  EXPECT_EQ(e.parameter, "b");
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "agree", {{"a", "USA,CHN"}, {"b", "all"}, {"year", "2019"}}).steps, 2 * 4);
}

TEST_F(Budget, CohesionIsRollCallsTimesMembersTimesNull) {
  auto e = estimate_work(*ctx, "cohesion", {{"group", "USA,RUS,CHN"}, {"null", "100"}});
  EXPECT_DOUBLE_EQ(e.steps, 6 * 3 * 101);
  EXPECT_EQ(e.parameter, "null");
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "cohesion", {{"group", "USA,RUS"}, {"year", "2019"}}).steps,
                   3 * 2 * 201);  // null 200
  // A named group counts its ever-members (an upper bound).
  const double g7 = static_cast<double>(registry::find_group("G7")->ever_members().size());
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "cohesion", {{"group", "G7"}, {"null", "0"}}).steps, 6 * g7);
}

TEST_F(Budget, BlocsIsPeriodsTimesGammaStepsTimesRunsTimesStatesSquared) {
  auto e =
      estimate_work(*ctx, "blocs",
                    {{"scan", "1"}, {"gamma-min", "0.5"}, {"gamma-max", "1.0"}, {"gamma-step", "0.1"}, {"runs", "20"}});
  EXPECT_DOUBLE_EQ(e.steps, 1 * 6 * 20 * 16);
  EXPECT_EQ(e.parameter, "runs");
  e = estimate_work(*ctx, "blocs", {{"scan", "1"}, {"gamma-step", "0.001"}, {"runs", "5"}, {"by", "session"}});
  EXPECT_DOUBLE_EQ(e.steps, 2 * 1501 * 5 * 16);
  EXPECT_EQ(e.parameter, "gamma-step");
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "blocs", {{"runs", "1000"}}).steps, 1 * 1000 * 16);
}

TEST_F(Budget, PolesAndShifts) {
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "poles", {}).steps, 4 * 2 * 1);  // USA,CHN
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "poles", {{"poles", "USA+GBR,CHN"}, {"by", "year"}}).steps, 4 * 3 * 2);
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "shifts", {{"a", "USA"}, {"b", "RUS,CHN"}}).steps, 1 * 2 * 2);  // by year
  EXPECT_DOUBLE_EQ(estimate_work(*ctx, "shifts", {{"group", "USA,RUS"}}).steps, 6 * 2);
}

TEST_F(Budget, CheapCommandsAndBadParameters) {
  for (const char* cheap : {"info", "countries", "groups", "ideal", "nope"}) {
    EXPECT_EQ(estimate_work(*ctx, cheap, {}).seconds, 0) << cheap;
  }
  // The estimator refuses a bad parameter with the query's own message.
  try {
    estimate_work(*ctx, "agree", {{"a", "USA"}, {"b", "RUS"}, {"ci", "0.95"}, {"boot", "1000000"}});
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("parameter 'boot'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(estimate_work(*ctx, "agree", {{"a", "Atlantis"}, {"b", "RUS"}}), UsageError);
  EXPECT_THROW(estimate_work(*ctx, "cohesion", {}), UsageError);  // group is required
}

}  // namespace
}  // namespace rostrum::query
