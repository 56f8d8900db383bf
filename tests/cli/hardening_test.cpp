// The rostrum binary under hostile conditions: an import killed with SIGKILL in
// the middle of its write, a decompression bomb, and (with `serve`) SIGTERM while
// an expensive query runs. Every wait is bounded.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zlib.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "../server/server_helpers.hpp"
#include "support/test_support.hpp"

extern char** environ;

namespace {

using rostrum::testing::TempDir;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A rostrum process started in the background, stdout and stderr to files.
struct Process {
  pid_t pid = -1;
  fs::path out, err;
  int status = 0;
  bool reaped = false;

  Process(const TempDir& dir, const std::string& name, const std::vector<std::string>& args) {
    out = dir.path() / (name + ".out");
    err = dir.path() / (name + ".err");
    std::vector<std::string> argv_s = {ROSTRUM_CLI};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(argv_s.size() + 1);
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT_EQ(posix_spawn(&pid, ROSTRUM_CLI, &fa, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&fa);
  }
  ~Process() {
    if (pid > 0 && !reaped) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
    }
  }
  // Waits up to `limit` for the process to end; false if it is still running.
  bool wait_for(std::chrono::milliseconds limit) {
    const auto end = Clock::now() + limit;
    while (Clock::now() < end) {
      pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid) {
        reaped = true;
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
  }
  bool running() {
    if (reaped) return false;
    if (::waitpid(pid, &status, WNOHANG) == pid) reaped = true;
    return !reaped;
  }
  int exit_code() const { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }
};

// Runs rostrum to completion (at most 60 s).
struct Outcome {
  int code = -1;
  std::string out, err;
};
Outcome run(const TempDir& dir, const std::vector<std::string>& args) {
  Process p(dir, "run", args);
  Outcome r;
  if (!p.wait_for(std::chrono::seconds(60))) {
    ADD_FAILURE() << "rostrum did not finish in 60 s";
    return r;
  }
  r.code = p.exit_code();
  r.out = slurp(p.out);
  r.err = slurp(p.err);
  return r;
}

const char* kVoeten =
    "rcid,ccode,vote,session,date,unres,importantvote,amend,para,short,descr,me,nu,di,hr,co,ec\n"
    "1,2,1,50,1995-10-01,A/RES/50/1,0,0,0,s,d,1,0,0,0,0,0\n"
    "1,365,3,50,1995-10-01,A/RES/50/1,0,0,0,s,d,1,0,0,0,0,0\n"
    "2,2,2,50,1995-11-01,A/RES/50/2,1,0,0,s,d,0,0,0,1,0,0\n"
    "2,710,1,50,1995-11-01,A/RES/50/2,1,0,0,s,d,0,0,0,1,0,0\n";

// A Voeten-layout source with `rollcalls` roll calls in 1995-2004 and 24 states
// voting on each: about a million votes, a write phase of a second or more.
std::string big_voeten(int rollcalls) {
  const int cow[] = {2,   20,  200, 220, 255, 365, 710, 740, 750, 140, 70,  100,
                     130, 135, 160, 210, 211, 230, 235, 290, 325, 350, 640, 651};
  std::string s = "rcid,ccode,vote,session,date,unres,importantvote,amend,para,short,descr,me,nu,di,hr,co,ec\n";
  s.reserve(static_cast<std::size_t>(rollcalls) * 24 * 64);
  for (int r = 1; r <= rollcalls; ++r) {
    const int year = 1995 + (r * 10) / (rollcalls + 1);
    const std::string tail = "," + std::to_string(year - 1945) + "," + std::to_string(year) + "-0" +
                             std::to_string(1 + r % 9) + "-1" + std::to_string(r % 9) + ",A/RES/x/" +
                             std::to_string(r) + ",0,0,0,s,d,0,0,0,1,0,0\n";
    for (std::size_t c = 0; c < std::size(cow); ++c)
      s += std::to_string(r) + "," + std::to_string(cow[c]) + "," + std::to_string(1 + (r + c) % 3) + tail;
  }
  return s;
}

TEST(Hardening, ImportKilledMidWriteLeavesTheStoreReadable) {
  TempDir tmp;
  const std::string db = (tmp.path() / "k.db").string();
  ASSERT_EQ(run(tmp, {"--db", db, "import", tmp.write("small.csv", kVoeten)}).code, 0);
  const std::string big = tmp.write("big.csv", big_voeten(30000));

  // Start the import and kill it once its write is under way: the write-ahead log
  // has grown past 1 MB (or, for a store in rollback-journal mode, the journal
  // exists and changed pages have spilled into the store file, so it is hot).
  const auto size_before = fs::file_size(db);
  Process import(tmp, "import", {"--db", db, "import", big});
  bool killed_mid_write = false;
  const auto give_up = Clock::now() + std::chrono::seconds(60);
  while (Clock::now() < give_up && import.running()) {
    std::error_code ec;
    auto wal = fs::file_size(db + "-wal", ec);
    if (ec) wal = 0;
    auto journal = fs::file_size(db + "-journal", ec);
    if (ec) journal = 0;
    if (wal > (1u << 20) || (journal > 0 && fs::file_size(db, ec) > size_before + (1u << 20))) {
      ::kill(import.pid, SIGKILL);
      killed_mid_write = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ASSERT_TRUE(killed_mid_write) << "the import ended before its write could be interrupted: " << slurp(import.err);
  ASSERT_TRUE(import.wait_for(std::chrono::seconds(10)));

  // Readers see the last committed state at once: no "attempt to write a readonly database".
  Outcome info = run(tmp, {"--db", db, "--format", "csv", "info"});
  ASSERT_EQ(info.code, 0) << info.err;
  EXPECT_NE(info.out.find("small"), std::string::npos) << info.out;
  EXPECT_EQ(info.out.find("big"), std::string::npos) << info.out;
  Outcome agree = run(tmp, {"--db", db, "--format", "csv", "agree", "--a", "USA", "--b", "CHN"});
  EXPECT_EQ(agree.code, 0) << agree.err;
  // And the next import completes.
  Outcome again = run(tmp, {"--db", db, "import", tmp.write("small2.csv", kVoeten)});
  EXPECT_EQ(again.code, 0) << again.err;
}

TEST(Hardening, DecompressionBombExits3NamingTheFile) {
  TempDir tmp;
  const std::string path = (tmp.path() / "un_votes.csv.gz").string();
  {
    gzFile f = gzopen(path.c_str(), "wb1");
    ASSERT_NE(f, nullptr);
    std::string line = "rcid,country,country_code,vote\n";
    gzwrite(f, line.data(), static_cast<unsigned>(line.size()));
    std::string zeros(1 << 20, '0');
    for (int i = 0; i < 48; ++i) gzwrite(f, zeros.data(), static_cast<unsigned>(zeros.size()));
    gzclose(f);
  }
  ASSERT_LT(fs::file_size(path), 1u << 20);
  const std::string db = (tmp.path() / "b.db").string();
  Outcome r = run(tmp, {"--db", db, "import", path});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("un_votes.csv.gz"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("decompression bomb"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db));
  // A .gz that is not gzip is refused the same way.
  r = run(tmp, {"--db", db, "import", tmp.write("plain.csv.gz", kVoeten)});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("plain.csv.gz"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not gzip"), std::string::npos) << r.err;
}

// Waits (at most 20 s) for `rostrum serve` to print its URL; returns the port, 0 if it never did.
int served_port(Process& serve) {
  for (int i = 0; i < 2000 && serve.running(); ++i) {
    const std::string out = slurp(serve.out);
    const auto at = out.find("serving http://127.0.0.1:");
    if (at != std::string::npos) return std::stoi(out.substr(at + 25));
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return 0;
}

TEST(Hardening, SigtermStopsTheServerWhileAnExpensiveQueryRuns) {
  TempDir tmp;
  // 780 pairs x 20 sessions x 100,000 replicates: most of an hour of work.
  const std::string db = rostrum::testing::write_store(tmp, "big.db", 40, 400, 20);
  Process serve(tmp, "serve", {"--db", db, "serve", "--port", "0", "--max-work", "0", "--request-timeout", "600"});
  const int port = served_port(serve);
  ASSERT_GT(port, 0) << slurp(serve.err);
  int s = rostrum::testing::connect_to(port);
  ASSERT_TRUE(rostrum::testing::send_all(
      s, "GET /api/agree?a=all&b=all&by=session&ci=0.95&boot=100000 HTTP/1.1\r\nHost: x\r\n\r\n"));
  bool computing = false;
  for (int i = 0; i < 400 && !computing; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    int h = rostrum::testing::connect_to(port);
    rostrum::testing::send_all(h, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    computing = rostrum::testing::read_response(h, 5).find("\"heavy_running\":1") != std::string::npos;
    ::close(h);
  }
  ASSERT_TRUE(computing) << "the expensive query never started";
  const auto sent = Clock::now();
  ::kill(serve.pid, SIGTERM);
  ASSERT_TRUE(serve.wait_for(std::chrono::seconds(10))) << "still running 10 s after SIGTERM";
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
  std::printf("rostrum serve exited %.0f ms after SIGTERM\n", ms);  // the figure; no assertion on time
  EXPECT_EQ(serve.exit_code(), 0) << slurp(serve.err);
  EXPECT_NE(slurp(serve.out).find("rostrum: stopped"), std::string::npos);
  // The client got an answer rather than a silent close.
  std::string reply = rostrum::testing::read_response(s, 5);
  EXPECT_EQ(rostrum::testing::status_of(reply), 503) << reply;
  ::close(s);
}

TEST(Hardening, ServeBeyondLoopbackPrintsItsAddressesAndWarns) {
  TempDir tmp;
  const std::string db = rostrum::testing::write_store(tmp, "s.db", 4, 6, 2);
  Process serve(tmp, "serve", {"--db", db, "serve", "--host", "0.0.0.0", "--port", "0"});
  const int port = served_port(serve);
  ASSERT_GT(port, 0) << slurp(serve.err);
  const std::string out = slurp(serve.out);
  EXPECT_NE(out.find("listening on 0.0.0.0, reachable at: http://127.0.0.1:" + std::to_string(port) + "/"),
            std::string::npos)
      << out;
  EXPECT_NE(slurp(serve.err).find("warning: listening beyond this machine"), std::string::npos) << slurp(serve.err);
  ::kill(serve.pid, SIGTERM);
  ASSERT_TRUE(serve.wait_for(std::chrono::seconds(10)));
  // On loopback (the default) there is no warning.
  Process local(tmp, "local", {"--db", db, "serve", "--port", "0"});
  ASSERT_GT(served_port(local), 0);
  ::kill(local.pid, SIGTERM);
  ASSERT_TRUE(local.wait_for(std::chrono::seconds(10)));
  EXPECT_EQ(slurp(local.err).find("warning"), std::string::npos) << slurp(local.err);
}

}  // namespace
