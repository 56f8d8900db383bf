// Real-data tests of the blocs / poles / shifts queries:
// imports the unvotes files from ../shared/data into a temporary store once.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "io/import.hpp"
#include "query/query.hpp"
#include "query/real_data_fixture.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace rostrum {
namespace {

// Shares the binary's one import of the real data (real_data_fixture.hpp).
class BlocsShiftsData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string& db = testing::unvotes_store();
    if (!db.empty()) ctx_ = new query::Context(db);
  }
  static void TearDownTestSuite() {
    delete ctx_;
    ctx_ = nullptr;
  }
  void SetUp() override {
    if (!ctx_) GTEST_SKIP() << "shared data not present";
  }
  static Table run(const std::string& command, const query::Params& p) { return query::run(*ctx_, command, p); }

  static query::Context* ctx_;
};
query::Context* BlocsShiftsData::ctx_ = nullptr;

std::string cell_string(const Cell& c) {
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
  return "";
}
double cell_double(const Cell& c) {
  if (auto* d = std::get_if<double>(&c)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  return NAN;
}

// Bloc label of each state in the single period of a blocs table.
std::map<std::string, int> bloc_of(const Table& t) {
  std::map<std::string, int> out;
  int cb = t.column("bloc"), cm = t.column("members");
  for (const auto& r : t.rows) {
    std::stringstream ss(cell_string(r[cm]));
    std::string s;
    while (std::getline(ss, s, ',')) out[s] = static_cast<int>(std::get<std::int64_t>(r[cb]));
  }
  return out;
}

TEST_F(BlocsShiftsData, Session74BlocsMatchTheIssue) {
  auto t = run("blocs", {{"session", "74"}});
  auto bloc = bloc_of(t);
  for (const char* s : {"USA", "ISR", "GBR", "FRA", "CHN", "RUS", "PRK"}) ASSERT_TRUE(bloc.count(s)) << s;
  EXPECT_EQ(bloc["USA"], bloc["ISR"]);
  EXPECT_EQ(bloc["GBR"], bloc["FRA"]);
  EXPECT_EQ(bloc["CHN"], bloc["RUS"]);
  EXPECT_EQ(bloc["CHN"], bloc["PRK"]);
  EXPECT_NE(bloc["USA"], bloc["CHN"]);
  // Meta: the issue's JSON shape.
  ASSERT_EQ(t.meta["periods"].size(), 1u);
  const auto& p = t.meta["periods"][0];
  EXPECT_EQ(p["period"], "74");
  EXPECT_TRUE(p["modularity"].is_number());
  EXPECT_DOUBLE_EQ(p["gamma"].get<double>(), 1.0);
  std::size_t members = 0;
  for (const auto& b : p["blocs"]) {
    EXPECT_TRUE(b.contains("id"));
    EXPECT_TRUE(b["label"].is_string());
    members += b["members"].size();
  }
  EXPECT_EQ(members, bloc.size());
  EXPECT_GT(p["modularity"].get<double>(), 0.05);
  EXPECT_GE(p["effective_blocs"].get<double>(), 1.0);
}

TEST_F(BlocsShiftsData, Session74BlocsHoldAcrossNearbyResolutions) {
  for (const char* gamma : {"0.9", "1.1"}) {
    auto bloc = bloc_of(run("blocs", {{"session", "74"}, {"gamma", gamma}}));
    EXPECT_EQ(bloc["CHN"], bloc["RUS"]) << gamma;
    EXPECT_EQ(bloc["CHN"], bloc["PRK"]) << gamma;
    EXPECT_EQ(bloc["GBR"], bloc["FRA"]) << gamma;
    EXPECT_NE(bloc["USA"], bloc["CHN"]) << gamma;
  }
}

TEST_F(BlocsShiftsData, BlocsByYearAreTrackedWithStableLabels) {
  auto t = run("blocs", {{"from", "2015"}, {"to", "2019"}, {"by", "year"}});
  ASSERT_EQ(t.meta["periods"].size(), 5u);
  // The bloc holding GBR keeps its label every year (the Western bloc does not dissolve).
  std::set<int> labels;
  int cp = t.column("period");
  for (const char* year : {"2015", "2016", "2017", "2018", "2019"}) {
    Table one;
    one.columns = t.columns;
    for (const auto& r : t.rows)
      if (cell_string(r[cp]) == year) one.rows.push_back(r);
    auto bloc = bloc_of(one);
    ASSERT_TRUE(bloc.count("GBR")) << year;
    labels.insert(bloc["GBR"]);
  }
  EXPECT_EQ(labels.size(), 1u);
  // Its name stays too (it is named once, when the bloc is born), and RUS is never in it.
  std::set<std::string> names;
  const int cl = t.column("label"), cm = t.column("members");
  for (const auto& r : t.rows) {
    const std::string members = "," + cell_string(r[cm]) + ",";
    if (members.find(",GBR,") == std::string::npos) continue;
    names.insert(cell_string(r[cl]));
    EXPECT_EQ(members.find(",RUS,"), std::string::npos) << cell_string(r[cp]);
  }
  EXPECT_EQ(names.size(), 1u);
  // Every member's stability is reported, in [0, 1].
  for (const auto& period : t.meta["periods"])
    for (const auto& bloc : period["blocs"])
      for (const auto& [state, x] : bloc["stability"].items()) {
        EXPECT_GE(x.get<double>(), 0.0) << state;
        EXPECT_LE(x.get<double>(), 1.0) << state;
      }
  for (std::size_t k = 1; k < 5; ++k) {
    EXPECT_TRUE(t.meta["periods"][k].contains("moves"));
    EXPECT_TRUE(t.meta["periods"][k].contains("splits"));
  }
}

TEST_F(BlocsShiftsData, ResolutionScanReportsStableRanges) {
  auto t = run("blocs", {{"session", "74"},
                         {"scan", "1"},
                         {"gamma-min", "0.8"},
                         {"gamma-max", "1.4"},
                         {"gamma-step", "0.2"},
                         {"runs", "5"}});
  ASSERT_FALSE(t.rows.empty());
  const auto& p = t.meta["periods"][0];
  ASSERT_FALSE(p["ranges"].empty());
  EXPECT_DOUBLE_EQ(p["ranges"][0]["gamma_min"].get<double>(), 0.8);
  int steps = 0;
  for (const auto& r : p["ranges"]) steps += r["steps"].get<int>();
  EXPECT_EQ(steps, 4);
  EXPECT_LT(p["most_stable"].get<std::size_t>(), p["ranges"].size());
}

TEST_F(BlocsShiftsData, RussiaUsChangePointAtTheEndOfTheColdWar) {
  auto t = run("shifts", {{"a", "RUS"}, {"b", "USA"}});
  bool found = false;
  for (const auto& c : t.meta["change_points"]) {
    int y = c["year"].get<int>();
    if (y >= 1987 && y <= 1994) {
      found = true;
      EXPECT_GT(c["after"].get<double>(), c["before"].get<double>()) << y;  // rapprochement
    }
  }
  EXPECT_TRUE(found) << t.meta["change_points"].dump();
  // Segments tile the series; their n add up to the series' joint votes.
  double n_segments = 0, n_series = 0;
  for (const auto& s : t.meta["segments"]) n_segments += s["n"].get<double>();
  for (const auto& s : t.meta["series"]) n_series += s["n"].get<double>();
  EXPECT_DOUBLE_EQ(n_segments, n_series);
  EXPECT_TRUE(t.meta["penalty"].is_number());
  EXPECT_FALSE(t.meta["path"].empty());
}

TEST_F(BlocsShiftsData, ShiftsSeriesEqualsTheAgreeQuery) {
  auto t = run("shifts", {{"a", "RUS"}, {"b", "USA"}, {"from", "2010"}});
  auto a = run("agree", {{"a", "RUS"}, {"b", "USA"}, {"from", "2010"}, {"by", "year"}});
  ASSERT_EQ(t.meta["series"].size(), a.rows.size());
  for (std::size_t k = 0; k < a.rows.size(); ++k) {
    const auto& s = t.meta["series"][k];
    EXPECT_EQ(s["period"], cell_string(a.rows[k][a.column("period")]));
    EXPECT_NEAR(s["value"].get<double>(), cell_double(a.rows[k][a.column("value")]), 1e-12);
    EXPECT_DOUBLE_EQ(s["n"].get<double>(), cell_double(a.rows[k][a.column("n")]));
  }
}

TEST_F(BlocsShiftsData, BinarySegmentationAlsoFindsTheColdWarBreak) {
  auto t = run("shifts", {{"a", "RUS"}, {"b", "USA"}, {"method", "binseg"}});
  bool found = false;
  for (const auto& c : t.meta["change_points"]) found |= c["year"].get<int>() >= 1987 && c["year"].get<int>() <= 1994;
  EXPECT_TRUE(found);
}

TEST_F(BlocsShiftsData, GroupCohesionSeriesRuns) {
  auto t = run("shifts", {{"group", "G7"}, {"from", "1980"}});
  EXPECT_EQ(t.meta["subject"]["group"], "G7");
  EXPECT_FALSE(t.meta["segments"].empty());
  for (const auto& s : t.meta["series"]) {
    double v = s["value"].get<double>();
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 1.0);
  }
}

TEST_F(BlocsShiftsData, PolesPlaceIsraelWithTheUsAndCubaWithChina) {
  auto t = run("poles", {{"year", "2019"}});
  int cc = t.column("country"), cn = t.column("nearer");
  std::map<std::string, std::string> nearer;
  for (const auto& r : t.rows) nearer[cell_string(r[cc])] = cell_string(r[cn]);
  EXPECT_EQ(nearer["ISR"], "USA");
  EXPECT_EQ(nearer["CUB"], "CHN");
  EXPECT_EQ(nearer["IND"], "CHN");
  const auto& s = t.meta["summary"][0];
  EXPECT_GT(s["lean_b"].get<int>(), s["lean_a"].get<int>());  // most of the Assembly is nearer China
  EXPECT_TRUE(s["by_region"].contains("Africa"));
}

TEST_F(BlocsShiftsData, PolesAcceptGroupsAndLists) {
  auto t = run("poles", {{"year", "2019"}, {"poles", "CHN+RUS+PRK,G7"}});
  EXPECT_EQ(t.meta["poles"]["a"]["members"].size(), 3u);
  EXPECT_EQ(t.meta["poles"]["b"]["label"], "G7");
  int cc = t.column("country"), cr = t.column("role");
  for (const auto& r : t.rows)
    if (cell_string(r[cc]) == "RUS") {
      EXPECT_EQ(cell_string(r[cr]), "pole_a");
    }
}

TEST_F(BlocsShiftsData, BadParametersAreUsageErrors) {
  EXPECT_THROW(run("blocs", {{"session", "74"}, {"gamma", "-1"}}), UsageError);
  EXPECT_THROW(run("blocs", {{"session", "74"}, {"colour", "red"}}), UsageError);
  EXPECT_THROW(run("shifts", {{"a", "RUS"}}), UsageError);
  EXPECT_THROW(run("shifts", {{"a", "RUS"}, {"b", "USA"}, {"group", "G7"}}), UsageError);
  EXPECT_THROW(run("shifts", {{"a", "RUS"}, {"b", "USA"}, {"method", "magic"}}), UsageError);
  EXPECT_THROW(run("shifts", {{"a", "RUS"}, {"b", "USA"}, {"by", "all"}}), UsageError);
  EXPECT_THROW(run("poles", {{"poles", "USA"}}), UsageError);
  EXPECT_THROW(run("poles", {{"poles", "USA,Atlantis"}}), UsageError);
}

}  // namespace
}  // namespace rostrum
