// Server tests: endpoints, errors, limits and traversal, against a server started
// on an ephemeral port with a stand-in for the query layer (the server is a thin
// shell; what the query layer computes is tested in tests/query).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "server/api_spec.hpp"
#include "server/server.hpp"
#include "server_helpers.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using rostrum::Table;
using rostrum::query::Params;
using rostrum::server::Options;
using rostrum::server::Server;

namespace {

// A stand-in query layer: answers "agree" with one row per parameter so tests can
// see what reached it, and fails in the ways the real one does.
struct FakeQuery {
  std::atomic<int> calls{0};
  Params last;
  std::mutex mutex;

  Table operator()(std::string_view command, const Params& params) {
    ++calls;
    {
      std::lock_guard lock(mutex);
      last = params;
    }
    if (command == "ideal-latest")
      throw rostrum::NotAvailableError("no ideal-point estimates: run 'rostrum ideal' first");
    if (command == "blocs") throw rostrum::StoreError("cannot open store 'x.db'");
    if (command == "shifts") throw std::runtime_error("boom");
    Table t;
    if (command == "agree") {
      if (auto it = params.find("a"); it != params.end() && it->second == "Atlantis")
        throw rostrum::ParameterError("a", "unknown country 'Atlantis'");
      t.columns = {"a", "b", "period", "measure", "value", "n"};
      int rows = 1;
      if (auto it = params.find("rows"); it != params.end()) rows = std::stoi(it->second);
      for (int i = 0; i < rows; ++i)
        t.add_row({std::string("USA"), std::string("RUS"), std::int64_t(2000 + i), std::string("agree"), 0.25,
                   std::int64_t(70)});
      return t;
    }
    t.columns = {"key", "value"};
    for (const auto& [k, v] : params) t.add_row({k, v});
    return t;
  }
};

struct Fixture : ::testing::Test {
  rostrum::testing::TempDir dir;
  FakeQuery fake;
  std::unique_ptr<Server> server;
  int port = 0;
  std::string db;

  void SetUp() override {
    dir.write("web/index.html", "<!doctype html><title>rostrum</title>");
    dir.write("web/assets/app-1234.js", "console.log(1)");
    dir.write("secret.txt", "top secret");
    fs::create_symlink(dir.path() / "secret.txt", dir.path() / "web" / "leak.txt");
    fs::create_directory_symlink(dir.path(), dir.path() / "web" / "up");
    db = rostrum::testing::write_store(dir, "s.db", 4, 6, 2);  // health reads the real store
    Options o;
    o.port = 0;
    o.db = db;
    o.web_root = (dir.path() / "web").string();
    o.max_result_rows = 100;
    o.threads = 8;
    server = std::make_unique<Server>(o, [this](std::string_view c, const Params& p) { return fake(c, p); });
    port = server->start();
    ASSERT_GT(port, 0);
  }
  void TearDown() override { server->stop(); }

  httplib::Client client() {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(10);
    return c;
  }
  nlohmann::json get_json(const std::string& path, int expect) {
    auto c = client();
    auto r = c.Get(path.c_str());
    EXPECT_TRUE(r) << path;
    if (!r) return {};
    EXPECT_EQ(r->status, expect) << path << " -> " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("json"), std::string::npos) << path;
    return nlohmann::json::parse(r->body);
  }
};

// Sends `request` as-is over a raw socket and returns the status code (0 when the
// server closed without answering).
int raw_status(int port, const std::string& request, std::string* body = nullptr, bool half_close = false) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(s);
    return -1;
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    auto n = ::send(s, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  // No more to send: an incomplete request ends here (only for garbage).
  if (half_close) ::shutdown(s, SHUT_WR);
  std::string reply;
  char buf[4096];
  timeval tv{5, 0};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ssize_t n;
  // Read until the whole response is in (headers + Content-Length) or EOF: the
  // server may keep the connection open after rejecting a malformed request.
  while ((n = ::recv(s, buf, sizeof buf, 0)) > 0) {
    reply.append(buf, static_cast<std::size_t>(n));
    auto end = reply.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    auto cl = reply.find("Content-Length: ");
    if (cl == std::string::npos || cl > end) break;
    std::size_t length = std::stoul(reply.substr(cl + 16));
    if (reply.size() >= end + 4 + length) break;
  }
  ::close(s);
  if (body) *body = reply;
  if (reply.rfind("HTTP/1.", 0) != 0 || reply.size() < 12) return 0;
  return std::stoi(reply.substr(9, 3));
}

}  // namespace

TEST_F(Fixture, HealthAnswers) {
  auto j = get_json("/api/health", 200);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["dashboard"], true);
  EXPECT_EQ(j["store"]["state"], "ok");
  EXPECT_EQ(j["store"]["sources"], 1);
}

TEST_F(Fixture, IndexListsEveryCommand) {
  auto j = get_json("/api", 200);
  std::set<std::string> paths;
  for (const auto& e : j["endpoints"]) paths.insert(e["path"].get<std::string>());
  for (const char* cmd : {"info", "countries", "groups", "agree", "cohesion", "ideal", "blocs", "shifts"})
    EXPECT_TRUE(paths.count(std::string("/api/") + cmd)) << cmd;
}

TEST_F(Fixture, OpenApiDocumentsEveryEndpoint) {
  auto j = get_json("/api/openapi.json", 200);
  EXPECT_EQ(j["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const auto& e : rostrum::server::endpoints()) {
    ASSERT_TRUE(j["paths"].contains(e.path)) << e.path;
    EXPECT_TRUE(j["paths"][e.path].contains("get"));
  }
  // docs/openapi.json is a checked copy of what the server serves. Refresh it with
  // ROSTRUM_UPDATE_OPENAPI=1 test_server.
  fs::path doc = fs::path(ROSTRUM_SOURCE_DIR) / "docs" / "openapi.json";
  const char* update = std::getenv("ROSTRUM_UPDATE_OPENAPI");
  if (update && std::string(update) == "1") {
    std::ofstream(doc) << rostrum::server::openapi_document().dump(2) << "\n";
  }
  std::ifstream in(doc);
  ASSERT_TRUE(in) << doc << " is missing; run ROSTRUM_UPDATE_OPENAPI=1 test_server";
  auto on_disk = nlohmann::json::parse(in);
  EXPECT_EQ(on_disk, rostrum::server::openapi_document())
      << "docs/openapi.json is stale; run ROSTRUM_UPDATE_OPENAPI=1 test_server";
}

TEST_F(Fixture, AgreeReturnsRowsAndPassesParameters) {
  auto j = get_json("/api/agree?a=USA&b=RUS&measure=agree&by=year&issue=&a=CHN", 200);
  ASSERT_EQ(j["rows"].size(), 1u);
  EXPECT_EQ(j["rows"][0]["a"], "USA");
  EXPECT_DOUBLE_EQ(j["rows"][0]["value"].get<double>(), 0.25);
  EXPECT_EQ(j["columns"].size(), 6u);
  std::lock_guard lock(fake.mutex);
  EXPECT_EQ(fake.last.at("a"), "USA,CHN");  // repeated parameters join
  EXPECT_EQ(fake.last.at("b"), "RUS");
  EXPECT_EQ(fake.last.count("issue"), 0u);  // empty means default
}

TEST_F(Fixture, CsvFormat) {
  auto c = client();
  auto r = c.Get("/api/agree?a=USA&b=RUS&format=csv");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(r->body.rfind("a,b,period,measure,value,n", 0), 0u) << r->body;
  EXPECT_EQ(get_json("/api/agree?format=xml", 400)["parameter"], "format");
}

TEST_F(Fixture, BadParameterIs400NamingIt) {
  auto j = get_json("/api/agree?a=Atlantis&b=RUS", 400);
  EXPECT_EQ(j["parameter"], "a");
  EXPECT_NE(j["error"].get<std::string>().find("Atlantis"), std::string::npos);
  EXPECT_EQ(get_json("/api/agree?a%24%7B=1", 400)["error"], "invalid parameter name");
  // and it keeps serving
  get_json("/api/health", 200);
}

TEST_F(Fixture, NotAvailableAndUnknownPathAre404) {
  auto j = get_json("/api/ideal?countries=USA", 404);
  EXPECT_EQ(j["command"], "ideal-latest");
  EXPECT_EQ(j["available"], false);
  get_json("/api/nope", 404);
  get_json("/api/", 200);
}

TEST_F(Fixture, StoreAndInternalErrors) {
  get_json("/api/blocs?year=2000", 503);
  // Queries failing with a store error: health says so until one succeeds again.
  auto h = get_json("/api/health", 503);
  EXPECT_EQ(h["status"], "degraded");
  EXPECT_NE(h["store"]["last_query_error"]["error"].get<std::string>().find("x.db"), std::string::npos) << h.dump();
  get_json("/api/shifts?a=USA&b=RUS", 500);
  get_json("/api/agree?a=USA&b=RUS", 200);
  EXPECT_EQ(get_json("/api/health", 200)["status"], "ok");
}

TEST_F(Fixture, ResultRowCapIs413) {
  auto j = get_json("/api/agree?a=USA&b=RUS&rows=101", 413);
  EXPECT_NE(j["error"].get<std::string>().find("narrow"), std::string::npos);
  EXPECT_EQ(j["limit"], 100);
  get_json("/api/agree?a=USA&b=RUS&rows=100", 200);
}

TEST_F(Fixture, ReadOnly405) {
  auto c = client();
  auto post = c.Post("/api/agree", "a=USA", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = c.Delete("/api/agree");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto put = c.Put("/index.html", "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  auto head = c.Head("/api/health");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(fake.calls, 0);
}

TEST_F(Fixture, HugeQueryStringIs4xxAndServerSurvives) {
  std::string q = "/api/agree?a=" + std::string(200 * 1024, 'A') + "&b=RUS";
  int status = raw_status(port, "GET " + q + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status, 414);
  auto c = client();
  auto r = c.Get(q.c_str());
  if (r) {
    EXPECT_GE(r->status, 400);
  }
  // Just over the configured limit (8 KiB)
  std::string q2 = "/api/agree?a=" + std::string(8200, 'B');
  status = raw_status(port, "GET " + q2 + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status, 414);
  get_json("/api/health", 200);
  EXPECT_EQ(fake.calls, 0);
}

TEST_F(Fixture, HugeHeadersAre431) {
  std::string req = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 40; ++i) req += "X-Pad-" + std::to_string(i) + ": " + std::string(1000, 'p') + "\r\n";
  req += "Connection: close\r\n\r\n";
  EXPECT_EQ(raw_status(port, req), 431);
  // One 64 KiB header, as the docs promise: 431, not 400.
  std::string big =
      "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 * 1024, 'q') + "\r\nConnection: close\r\n\r\n";
  std::string body;
  EXPECT_EQ(raw_status(port, big, &body), 431);
  EXPECT_NE(body.find("headers too large"), std::string::npos) << body.substr(0, 300);
  // 17 KiB over 20 lines: under the parser's bound, over the documented 16 KiB.
  std::string medium = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 17; ++i) medium += "X-M-" + std::to_string(i) + ": " + std::string(1024, 'm') + "\r\n";
  EXPECT_EQ(raw_status(port, medium + "Connection: close\r\n\r\n"), 431);
  get_json("/api/health", 200);
}

TEST_F(Fixture, GarbageRequestsLeaveTheServerServing) {
  std::mt19937 rng(42);
  const std::vector<std::string> starts = {"GET ", "HEAD ", "POST ", "BREW ", "GET /api/agree?", "GET /%", "", "\r\n"};
  for (int i = 0; i < 150; ++i) {
    std::string req = starts[rng() % starts.size()];
    std::size_t n = rng() % 600;
    for (std::size_t k = 0; k < n; ++k) {
      char c = static_cast<char>(rng() % 256);
      if (rng() % 4 == 0) c = std::string_view("%&=?/.\r\n a")[rng() % 10];
      req += c;
    }
    if (rng() % 2) req += " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    int status = raw_status(port, req, nullptr, true);
    EXPECT_TRUE(status == 0 || (status >= 200 && status < 500) || status == 501 || status == 503) << status;
  }
  get_json("/api/health", 200);
}

TEST_F(Fixture, TooManyParameters) {
  std::string q = "/api/agree?";
  for (int i = 0; i < 100; ++i) q += "p" + std::to_string(i) + "=1&";
  get_json(q, 400);
}

TEST_F(Fixture, StaticFilesFromTheAssetFolderOnly) {
  auto c = client();
  auto r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("rostrum"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/html"), std::string::npos);
  r = c.Get("/assets/app-1234.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Type").find("javascript"), std::string::npos);
  EXPECT_NE(r->get_header_value("Cache-Control").find("immutable"), std::string::npos);

  for (const char* path : {"/../../etc/passwd", "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                           "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets/%2E%2E/%2E%2E/secret.txt", "/./index.html",
                           "/..%5csecret.txt", "//etc/passwd", "/leak.txt", "/up/secret.txt", "/nope.js"}) {
    std::string body;
    int status =
        raw_status(port, std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &body);
    EXPECT_GE(status, 400) << path;
    EXPECT_LT(status, 500) << path;
    EXPECT_EQ(body.find("top secret"), std::string::npos) << path;
    EXPECT_EQ(body.find("root:"), std::string::npos) << path;
  }
  get_json("/api/health", 200);
}

TEST_F(Fixture, JsonIsGzippedNotBrotli) {
  std::string body;
  int status =
      raw_status(port,
                 "GET /api/agree?a=USA&b=RUS&rows=100 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, deflate, br\r\n"
                 "Accept-Language: pt-br\r\nConnection: close\r\n\r\n",
                 &body);
  EXPECT_EQ(status, 200);
  auto head = body.substr(0, body.find("\r\n\r\n"));
  EXPECT_NE(head.find("Content-Encoding: gzip"), std::string::npos) << head;
}

TEST_F(Fixture, IdenticalGetsAreCached) {
  auto c = client();
  auto r1 = c.Get("/api/countries?q=fr");
  auto r2 = c.Get("/api/countries?q=fr");
  ASSERT_TRUE(r1 && r2);
  EXPECT_EQ(r1->body, r2->body);
  EXPECT_EQ(r2->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(fake.calls, 1);
  // A new version of the store (here: the file is touched) forgets the old answers.
  fs::last_write_time(db, fs::last_write_time(db) + std::chrono::seconds(2));
  auto r3 = c.Get("/api/countries?q=fr");
  ASSERT_TRUE(r3);
  EXPECT_EQ(r3->get_header_value("X-Cache"), "");
  EXPECT_EQ(fake.calls, 2);
}

TEST_F(Fixture, ConcurrentRequests) {
  std::atomic<int> ok{0}, bad{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", port);
      for (int i = 0; i < 50; ++i) {
        auto r = c.Get(("/api/agree?a=USA&b=RUS&seed=" + std::to_string(t * 1000 + i)).c_str());
        (r && r->status == 200 ? ok : bad)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 400);
  EXPECT_EQ(bad, 0);
}

TEST(ServerLifecycle, StartStopRestartAndBindFailure) {
  rostrum::testing::TempDir dir;
  Options o;
  o.port = 0;
  o.db = (dir.path() / "absent.db").string();
  o.web_root = "/nonexistent-rostrum-web";
  Server a(o, [](std::string_view, const Params&) { return Table{}; });
  int port = a.start();
  EXPECT_TRUE(a.running());
  EXPECT_EQ(a.url(), "http://127.0.0.1:" + std::to_string(port) + "/");
  {
    httplib::Client c("127.0.0.1", port);
    auto r = c.Get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);  // no dashboard: a clear 404, the API still works
    // No store at all: the server answers, and says it cannot answer queries.
    r = c.Get("/api/health");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    auto h = nlohmann::json::parse(r->body);
    EXPECT_EQ(h["status"], "degraded");
    EXPECT_EQ(h["store"]["state"], "missing");
  }
  // The port is taken: a second server cannot bind it.
  Options same = o;
  same.port = port;
  Server b(same, [](std::string_view, const Params&) { return Table{}; });
  EXPECT_THROW(b.start(), rostrum::Error);

  std::thread waiter([&] { a.wait(); });
  a.stop();
  waiter.join();
  EXPECT_FALSE(a.running());
}
