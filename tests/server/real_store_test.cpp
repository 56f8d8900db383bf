// The server over the real query layer, on a small store written by the test
// (unvotes layout, imported with the io/store API).
#include <gtest/gtest.h>
#include <httplib.h>

#include "io/import.hpp"
#include "server/server.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace {

// Four states, six roll calls over two years; USA and RUS mostly disagree.
std::string votes_csv() {
  const char* rows[][4] = {
      // rcid: USA RUS CHN GBR
      {"yes", "no", "no", "yes"},         {"no", "yes", "yes", "no"},   {"yes", "abstain", "no", "yes"},
      {"no", "yes", "abstain", "abstain"}, {"yes", "no", "yes", "yes"}, {"yes", "yes", "no", "no"},
  };
  const char* names[] = {"United States", "Russia", "China", "United Kingdom"};
  const char* codes[] = {"US", "RU", "CN", "GB"};
  std::string out = "\"rcid\",\"country\",\"country_code\",\"vote\"\n";
  for (int r = 0; r < 6; ++r)
    for (int c = 0; c < 4; ++c)
      out += std::to_string(101 + r) + ",\"" + names[c] + "\",\"" + codes[c] + "\",\"" + rows[r][c] + "\"\n";
  return out;
}

std::string rollcalls_csv() {
  std::string out = "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\",\"descr\"\n";
  for (int r = 0; r < 6; ++r) {
    bool second = r >= 3;
    out += std::to_string(101 + r) + "," + (second ? "74" : "73") + ",0," + (second ? "2019-11-0" : "2018-11-0") +
           std::to_string(r + 1) + ",\"R/7" + std::to_string(r) + "/1\",0,0,\"TEST\",\"A TEST RESOLUTION\"\n";
  }
  return out;
}

struct RealStore : ::testing::Test {
  rostrum::testing::TempDir dir;
  std::unique_ptr<rostrum::server::Server> server;
  int port = 0;
  std::string db;

  void SetUp() override {
    auto data = dir.path() / "unvotes";
    dir.write("unvotes/un_votes.csv", votes_csv());
    dir.write("unvotes/un_roll_calls.csv", rollcalls_csv());
    dir.write("unvotes/un_roll_call_issues.csv", "\"rcid\",\"short_name\",\"issue\"\n101,\"hr\",\"Human rights\"\n104,\"hr\",\"Human rights\"\n");
    auto batch = rostrum::io::import_unvotes(data.string());
    db = (dir.path() / "test.db").string();
    {
      auto store = rostrum::store::Store::open(db, true);
      store.write_source(batch);
    }
    start(1000);
  }
  void start(std::size_t max_rows) {
    if (server) server->stop();
    rostrum::server::Options o;
    o.port = 0;
    o.db = db;
    o.web_root = (dir.path() / "no-web").string();
    o.max_result_rows = max_rows;
    server = std::make_unique<rostrum::server::Server>(o);
    port = server->start();
  }
  void TearDown() override { server->stop(); }

  std::pair<int, nlohmann::json> get(const std::string& path) {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(30);
    auto r = c.Get(path.c_str());
    if (!r) return {0, {}};
    return {r->status, nlohmann::json::parse(r->body, nullptr, false)};
  }
};

}  // namespace

TEST_F(RealStore, InfoCountriesGroups) {
  auto [s1, info] = get("/api/info");
  EXPECT_EQ(s1, 200) << info.dump();
  EXPECT_GE(info["rows"].size(), 1u);
  auto [s2, countries] = get("/api/countries");
  EXPECT_EQ(s2, 200);
  bool usa = false;
  for (const auto& r : countries["rows"])
    if (r["iso3"] == "USA") usa = r["m49"] == 840;
  EXPECT_TRUE(usa) << "USA with M49 840 expected in /api/countries";
  auto [s3, groups] = get("/api/groups");
  EXPECT_EQ(s3, 200);
  EXPECT_GE(groups["rows"].size(), 3u);
}

TEST_F(RealStore, AgreePairByYear) {
  auto [status, j] = get("/api/agree?a=USA&b=RUS&by=year&measure=agree&keep-unanimous=1");
  ASSERT_EQ(status, 200) << j.dump();
  ASSERT_EQ(j["rows"].size(), 2u) << j.dump();
  for (const auto& r : j["rows"]) {
    EXPECT_EQ(r["a"], "USA");
    EXPECT_EQ(r["b"], "RUS");
    EXPECT_GE(r["value"].get<double>(), 0.0);
    EXPECT_LE(r["value"].get<double>(), 1.0);
    EXPECT_EQ(r["n"], 3);
  }
  EXPECT_EQ(j["rows"][0]["period"], "2018");
}

TEST_F(RealStore, ErrorsNameTheParameter) {
  auto [s1, j1] = get("/api/agree?a=Atlantis&b=RUS");
  EXPECT_EQ(s1, 400);
  EXPECT_EQ(j1["parameter"], "a") << j1.dump();
  auto [s2, j2] = get("/api/agree?a=USA&b=RUS&bogus=1");
  EXPECT_EQ(s2, 400);
  EXPECT_EQ(j2["parameter"], "bogus") << j2.dump();
  auto [s3, j3] = get("/api/agree?a=USA&b=RUS&by=decade");
  EXPECT_EQ(s3, 400);
  EXPECT_EQ(j3["parameter"], "by") << j3.dump();
  auto [s4, j4] = get("/api/health");
  EXPECT_EQ(s4, 200);
}

TEST_F(RealStore, CohesionOfAnAdHocGroup) {
  auto [status, j] = get("/api/cohesion?group=USA,GBR&index=rice&by=year&null=0");
  ASSERT_EQ(status, 200) << j.dump();
  EXPECT_EQ(j["rows"].size(), 2u);
}

TEST_F(RealStore, ResultCapAndUnavailableAnalyses) {
  start(4);
  auto [status, j] = get("/api/agree?a=all&b=all&by=year&keep-unanimous=1");  // 6 pairs x 2 years > 4
  EXPECT_EQ(status, 413) << j.dump();
  auto [s2, j2] = get("/api/ideal?countries=USA,RUS");
  // The test store has no saved ideal-point run: "not available", saying what to run.
  EXPECT_EQ(s2, 404) << j2.dump();
  EXPECT_NE(j2["error"].get<std::string>().find("rostrum ideal"), std::string::npos) << j2.dump();
}
