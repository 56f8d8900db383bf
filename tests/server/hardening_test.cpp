// The server under hostile clients: slowloris and idle sockets, connection caps,
// a client that disconnects during an expensive request, the request deadline,
// the work budget and the pool for expensive queries, shutdown while a query
// runs, NUL bytes in parameters, and health reporting the store's real state.
// Against a stand-in query layer whose "slow" command polls its cancel token the
// way the real loops do (the real loops are tested in tests/measures and
// tests/blocs, and end to end in real_store_test.cpp). Every wait is bounded.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "server/server.hpp"
#include "server_helpers.hpp"

namespace fs = std::filesystem;
using rostrum::CancelReason;
using rostrum::Table;
using rostrum::query::Params;
using rostrum::server::Options;
using rostrum::server::Server;
using namespace rostrum::testing;
using Clock = std::chrono::steady_clock;

namespace {

// "slow": polls the cancel token every millisecond for up to `ms` (default 20 s)
// and records why it stopped; "stubborn": sleeps `ms` without polling; anything
// else answers at once.
struct Stand {
  std::atomic<int> started{0}, finished{0};
  std::atomic<int> stopped_by{-1};  // CancelReason seen by the last "slow" call
  std::atomic<std::thread::id> last_thread{};

  Table operator()(std::string_view command, const Params& p) {
    last_thread = std::this_thread::get_id();
    if (command == "agree" && p.count("ms")) {
      ++started;
      const int ms = std::stoi(p.at("ms"));
      if (p.count("stubborn")) {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      } else {
        const auto end = Clock::now() + std::chrono::milliseconds(ms);
        while (Clock::now() < end) {
          if (rostrum::cancel_requested()) {
            stopped_by = static_cast<int>(rostrum::current_cancel_token()->reason());
            rostrum::throw_if_cancelled();
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
      }
      ++finished;
    }
    Table t;
    t.columns = {"key", "value"};
    for (const auto& [k, v] : p) t.add_row({k, v});
    return t;
  }
};

// The estimate is the parameter `cost` (core-seconds), driven by parameter `boot`.
rostrum::query::WorkEstimate estimate(std::string_view, const Params& p) {
  rostrum::query::WorkEstimate e;
  if (auto it = p.find("cost"); it != p.end()) e.seconds = std::stod(it->second);
  e.parameter = "boot";
  e.formula = "pairs 1 x periods 74 x (1 + replicates 100000)";
  return e;
}

struct Hostile : ::testing::Test {
  TempDir dir;
  Stand stand;
  std::unique_ptr<Server> server;
  int port = 0;
  std::string db;

  void start(Options o) {
    if (server) server->stop();
    o.port = 0;
    o.db = db;
    o.web_root = (dir.path() / "no-web").string();
    o.estimator = estimate;
    server = std::make_unique<Server>(o, [this](std::string_view c, const Params& p) { return stand(c, p); });
    port = server->start();
  }
  void SetUp() override {
    db = write_store(dir, "s.db", 4, 6, 2);
    Options o;
    o.header_timeout = 1;
    o.idle_timeout = 1;
    o.request_timeout = 5;
    o.threads = 2;
    o.heavy_threads = 1;
    start(o);
  }
  void TearDown() override {
    if (server) server->stop();
  }

  // A GET with a client that gives up after `timeout_s`: {status, body}; status
  // 0 when no answer came in time.
  std::pair<int, std::string> get(const std::string& path, int timeout_s = 5) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(timeout_s);
    c.set_read_timeout(timeout_s);
    auto r = c.Get(path.c_str());
    if (!r) return {0, ""};
    return {r->status, r->body};
  }
  nlohmann::json json(const std::string& body) { return nlohmann::json::parse(body, nullptr, false); }
};

TEST_F(Hostile, SlowlorisCannotHoldTheServer) {
  // 40 clients each send a request one byte every 100 ms (a request line and
  // headers that would take them minutes), from two addresses.
  std::vector<int> slow;
  for (int i = 0; i < 40; ++i) {
    int s = connect_to(port, i % 2 ? "127.0.0.2" : "127.0.0.3");
    ASSERT_GE(s, 0);
    slow.push_back(s);
  }
  std::atomic<bool> trickling{true};
  std::thread trickle([&] {
    const std::string request = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(1000, 's') + "\r\n\r\n";
    for (std::size_t k = 0; k < request.size() && trickling; ++k) {
      for (int s : slow) ::send(s, &request[k], 1, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // they are mid-request
  // Everyone else is answered meanwhile (the client would give up after 3 s).
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(get("/api/health", 3).first, 200);
    EXPECT_EQ(get("/api/agree?a=USA&b=RUS&i=" + std::to_string(i), 3).first, 200);
  }
  // And the slow ones are cut off at the header timeout (1 s here).
  for (int s : slow) EXPECT_TRUE(closed_by_server(s, 5));
  trickling = false;
  trickle.join();
  for (int s : slow) ::close(s);
}

TEST_F(Hostile, IdleConnectionsCostNoWorkerAndAreClosed) {
  std::vector<int> idle;
  for (int i = 0; i < 60; ++i) {
    int s = connect_to(port);
    ASSERT_GE(s, 0);
    idle.push_back(s);
  }
  auto [status, body] = get("/api/health", 3);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(json(body)["connections"]["open"], 61);  // the 60 and this one
  EXPECT_EQ(get("/api/agree?a=USA&b=CHN", 3).first, 200);
  for (int s : idle) EXPECT_TRUE(closed_by_server(s, 5));  // idle timeout 1 s
  for (int s : idle) ::close(s);
}

TEST_F(Hostile, ConnectionCapsRefuseTheExcessAtOnce) {
  Options o;
  o.max_connections = 12;
  o.max_connections_per_peer = 4;
  start(o);
  std::vector<int> held;
  held.reserve(4);
  for (int i = 0; i < 4; ++i) held.push_back(connect_to(port, "127.0.0.2"));
  // The fifth from the same address: 503 without sending a byte of request.
  int fifth = connect_to(port, "127.0.0.2");
  ASSERT_GE(fifth, 0);
  std::string reply = read_response(fifth, 5);
  EXPECT_EQ(status_of(reply), 503) << reply;
  EXPECT_NE(reply.find("too many connections from 127.0.0.2 (at most 4)"), std::string::npos) << reply;
  ::close(fifth);
  // Another address is still served.
  EXPECT_EQ(get("/api/health", 3).first, 200);
  // The total cap: 4 + 4 more from a third address, plus 4 from a fourth = 12 open.
  for (const char* from : {"127.0.0.3", "127.0.0.4"})
    for (int i = 0; i < 4; ++i) held.push_back(connect_to(port, from));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // all accepted
  int over = connect_to(port, "127.0.0.5");
  reply = read_response(over, 5);
  EXPECT_EQ(status_of(reply), 503) << reply;
  EXPECT_NE(reply.find("too many connections (at most 12)"), std::string::npos) << reply;
  ::close(over);
  for (int s : held) ::close(s);
  // Once they are gone, new connections are served again.
  std::pair<int, std::string> after{0, ""};
  for (int i = 0; i < 50 && after.first != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    after = get("/api/health", 3);
  }
  EXPECT_EQ(after.first, 200);
  EXPECT_GE(json(after.second)["connections"]["refused"].get<int>(), 2);
}

TEST_F(Hostile, ClientThatDisconnectsCancelsItsQuery) {
  int s = connect_to(port);
  ASSERT_TRUE(send_all(s, "GET /api/agree?a=USA&b=RUS&ms=20000 HTTP/1.1\r\nHost: x\r\n\r\n"));
  for (int i = 0; i < 500 && stand.started == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(stand.started, 1);
  ::close(s);  // the client gives up
  for (int i = 0; i < 500 && stand.stopped_by < 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(stand.stopped_by, static_cast<int>(CancelReason::disconnected));
  EXPECT_EQ(stand.finished, 0);
  // The worker is free again: health shows nothing running.
  auto h = json(get("/api/health").second);
  EXPECT_EQ(h["queries"]["running"], 0) << h.dump();
}

TEST_F(Hostile, DeadlineAnswers504EvenWhenTheWorkDoesNotYield) {
  Options o;
  o.request_timeout = 0.5;
  o.threads = 2;
  start(o);
  // Cooperative: cancelled at the deadline.
  auto [status, body] = get("/api/agree?a=USA&b=RUS&ms=20000", 10);
  EXPECT_EQ(status, 504) << body;
  EXPECT_NE(body.find("limit of 0.5 s"), std::string::npos) << body;
  for (int i = 0; i < 500 && stand.stopped_by < 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(stand.stopped_by, static_cast<int>(CancelReason::deadline));
  // Not cooperative (sleeps 3 s): the client still gets 504 at the deadline.
  auto slow = std::async(std::launch::async, [&] { return get("/api/agree?a=USA&b=RUS&ms=3000&stubborn=1", 10); });
  ASSERT_EQ(slow.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  auto [s2, b2] = slow.get();
  EXPECT_EQ(s2, 504) << b2;
  EXPECT_EQ(stand.finished, 0) << "the answer did not wait for the stubborn work";
}

TEST_F(Hostile, WorkOverTheLimitIs422NamingTheParameter) {
  Options o;
  o.max_work = 30;
  start(o);
  auto [status, body] = get("/api/agree?a=USA&b=RUS&cost=147");
  EXPECT_EQ(status, 422) << body;
  auto j = json(body);
  EXPECT_EQ(j["parameter"], "boot");
  EXPECT_EQ(j["limit_s"], 30);
  EXPECT_EQ(j["estimate_s"], 147);
  EXPECT_NE(j["error"].get<std::string>().find("parameter 'boot'"), std::string::npos) << body;
  EXPECT_NE(j["error"].get<std::string>().find("limit of 30"), std::string::npos) << body;
  EXPECT_NE(j["error"].get<std::string>().find("replicates 100000"), std::string::npos) << body;
  EXPECT_EQ(stand.started + stand.finished, 0);
  EXPECT_EQ(get("/api/agree?a=USA&b=RUS&cost=29").first, 200);
  // 0 turns the limit off (the CLI has none).
  o.max_work = 0;
  start(o);
  EXPECT_EQ(get("/api/agree?a=USA&b=RUS&cost=1e9").first, 200);
}

TEST_F(Hostile, ExpensiveQueriesQueueInTheirOwnPool) {
  Options o;
  o.threads = 2;
  o.heavy_threads = 1;
  o.max_heavy_queued = 1;
  o.heavy_work = 1;
  o.request_timeout = 20;
  start(o);
  // One expensive query runs, one waits, a third is refused at once.
  auto first = std::async(std::launch::async, [&] { return get("/api/agree?a=USA&b=RUS&cost=5&ms=1500", 15); });
  for (int i = 0; i < 500 && stand.started == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto second = std::async(std::launch::async, [&] { return get("/api/agree?a=USA&b=CHN&cost=5&ms=10", 15); });
  for (int i = 0; i < 500; ++i) {
    auto h = json(get("/api/health").second);
    if (h["queries"]["heavy_queued"] == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  auto [s3, b3] = get("/api/agree?a=USA&b=GBR&cost=5&ms=10");
  EXPECT_EQ(s3, 503) << b3;
  EXPECT_NE(b3.find("expensive"), std::string::npos) << b3;
  // Meanwhile cheap queries are answered by the other pool.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(get("/api/agree?a=FRA&b=RUS&n=" + std::to_string(i), 3).first, 200);
  EXPECT_EQ(first.get().first, 200);
  EXPECT_EQ(second.get().first, 200);
}

TEST_F(Hostile, StopCancelsTheRunningQueryAndReturns) {
  auto pending = std::async(std::launch::async, [&] { return get("/api/agree?a=USA&b=RUS&ms=20000", 15); });
  for (int i = 0; i < 500 && stand.started == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(stand.started, 1);
  auto stopping = std::async(std::launch::async, [&] { server->stop(); });
  ASSERT_EQ(stopping.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "stop() did not return";
  EXPECT_EQ(stand.stopped_by, static_cast<int>(CancelReason::shutdown));
  auto [status, body] = pending.get();
  EXPECT_EQ(status, 503) << body;
  EXPECT_NE(body.find("shutting down"), std::string::npos) << body;
}

TEST_F(Hostile, NulInAParameterIsRefusedWithTheWholeMessage) {
  auto [status, body] = get("/api/agree?a=CHN%00&b=RUS");
  EXPECT_EQ(status, 400);
  auto j = json(body);
  EXPECT_EQ(j["parameter"], "a");
  EXPECT_EQ(j["error"], "parameter 'a': control character \\x00 at byte 4 of 'CHN\\x00'") << body;
  EXPECT_EQ(stand.started + stand.finished, 0);
  EXPECT_EQ(get("/api/agree?a=CHN%0aX&b=RUS").first, 400);
}

TEST_F(Hostile, HealthReportsAnUnreadableStore) {
  auto [s1, b1] = get("/api/health");
  EXPECT_EQ(s1, 200) << b1;
  // The store is replaced by garbage (a disk error, a bad copy): degraded within
  // the monitor's period (1 s).
  fs::remove(db + "-wal");
  fs::remove(db + "-shm");
  std::ofstream(db, std::ios::binary | std::ios::trunc) << std::string(4096, 'x');
  nlohmann::json h;
  int status = 0;
  for (int i = 0; i < 100 && status != 503; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto [s, b] = get("/api/health");
    status = s;
    h = json(b);
  }
  EXPECT_EQ(status, 503) << h.dump();
  EXPECT_EQ(h["status"], "degraded");
  EXPECT_EQ(h["store"]["state"], "unreadable");
  // A store again: ok again.
  fs::remove(db);
  write_store(dir, "s.db", 4, 6, 2);
  for (int i = 0; i < 100 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    status = get("/api/health").first;
  }
  EXPECT_EQ(status, 200);
}

}  // namespace
