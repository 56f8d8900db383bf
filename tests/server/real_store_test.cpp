// The server over the real query layer, on a small store written by the test
// (unvotes layout, imported with the io/store API).
#include <gtest/gtest.h>
#include <httplib.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>

#include <thread>

#include "io/import.hpp"
#include "server/server.hpp"
#include "server_helpers.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace {

// Four states, six roll calls over two years; USA and RUS mostly disagree.
std::string votes_csv() {
  const char* rows[][4] = {
      // rcid: USA RUS CHN GBR
      {"yes", "no", "no", "yes"},          {"no", "yes", "yes", "no"},  {"yes", "abstain", "no", "yes"},
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
  std::string out =
      "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\",\"descr\"\n";
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
    dir.write("unvotes/un_roll_call_issues.csv",
              "\"rcid\",\"short_name\",\"issue\"\n101,\"hr\",\"Human rights\"\n104,\"hr\",\"Human rights\"\n");
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
  // agree streams its rows: the limit stops it at the first row over it.
  EXPECT_EQ(j["rows_at_least"], 5) << j.dump();
  EXPECT_EQ(j["limit"], 4) << j.dump();
  EXPECT_NE(j["error"].get<std::string>().find("up to 12 rows"), std::string::npos) << j.dump();
  auto [s2, j2] = get("/api/ideal?countries=USA,RUS");
  // The test store has no saved ideal-point run: "not available", saying what to run.
  EXPECT_EQ(s2, 404) << j2.dump();
  EXPECT_NE(j2["error"].get<std::string>().find("rostrum ideal"), std::string::npos) << j2.dump();
}

// ---- the real query layer under expensive and interrupted work -------------------

namespace {

struct Expensive : ::testing::Test {
  rostrum::testing::TempDir dir;
  std::unique_ptr<rostrum::server::Server> server;
  int port = 0;
  std::string db;

  void SetUp() override {
    // 40 states, 400 roll calls over 20 sessions: all pairs by session with
    // 100,000 bootstrap replicates is 1.6e9 replicates, most of an hour of CPU.
    db = rostrum::testing::write_store(dir, "big.db", 40, 400, 20);
  }
  void start(double max_work) {
    rostrum::server::Options o;
    o.port = 0;
    o.db = db;
    o.web_root = (dir.path() / "no-web").string();
    o.max_work = max_work;
    o.request_timeout = 600;
    server = std::make_unique<rostrum::server::Server>(o);
    port = server->start();
  }
  void TearDown() override {
    if (server) server->stop();
  }
  nlohmann::json health() {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(5);
    auto r = c.Get("/api/health");
    return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
  }
};

const char* kExpensive = "/api/agree?a=all&b=all&by=session&ci=0.95&boot=100000";

TEST_F(Expensive, RefusedBeforeAnyWorkNamingBoot) {
  start(30);
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(10);
  auto r = c.Get(kExpensive);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422) << r->body;
  auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["parameter"], "boot");
  EXPECT_EQ(j["limit_s"], 30);
  EXPECT_GT(j["estimate_s"].get<double>(), 1000);
  EXPECT_NE(j["work"].get<std::string>().find("pairs 780 x periods 20 x (1 + replicates 100000)"), std::string::npos)
      << r->body;
  // The same query with a modest bootstrap runs.
  r = c.Get("/api/agree?a=USA&b=all&by=session&ci=0.95&boot=200");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body.substr(0, 300);
}

TEST_F(Expensive, DisconnectingClientStopsTheRealBootstrap) {
  start(0);  // no work limit: cancellation alone must end it
  int s = rostrum::testing::connect_to(port);
  ASSERT_TRUE(rostrum::testing::send_all(s, std::string("GET ") + kExpensive + " HTTP/1.1\r\nHost: x\r\n\r\n"));
  bool running = false;
  for (int i = 0; i < 200 && !running; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    running = health()["queries"]["heavy_running"] == 1;
  }
  ASSERT_TRUE(running) << health().dump();
  ::close(s);
  bool stopped = false;
  for (int i = 0; i < 400 && !stopped; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    stopped = health()["queries"]["heavy_running"] == 0;
  }
  EXPECT_TRUE(stopped) << "the bootstrap kept running after its client left: " << health().dump();
}

TEST_F(Expensive, ImportKilledMidWriteLeavesTheServerAnswering) {
  start(30);
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(10);
  auto first = c.Get("/api/agree?a=USA&b=all");
  ASSERT_EQ(first->status, 200) << first->body;
  // A writer dies with SIGKILL in the middle of a large transaction.
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    try {
      auto store = rostrum::store::Store::open(db, false);
      store.db().exec("PRAGMA cache_size = 8");
      store.db().exec("BEGIN");
      store.db().exec("DELETE FROM votes");
      ::kill(::getpid(), SIGKILL);
    } catch (...) {
    }
    ::_exit(3);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  // Uncached queries and health go on as before.
  auto r = c.Get("/api/agree?a=USA&b=all&by=session");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body.substr(0, 300);
  r = c.Get("/api/info");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body.substr(0, 300);
  EXPECT_EQ(health()["status"], "ok");
}

}  // namespace
