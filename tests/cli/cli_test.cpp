// The rostrum binary end to end: exit codes, error messages naming file:line:col,
// atomic imports (a failed import leaves the store byte-for-byte as it was), and
// the foundation issue's acceptance checks on the real data in ../shared/data.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "io/file.hpp"
#include "support/test_support.hpp"

namespace {

using rostrum::testing::TempDir;
namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `rostrum ARGS` (ARGS already quoted as needed) with stdout and stderr
// captured to files in `dir`.
Result rostrum(const TempDir& dir, const std::string& args, const std::string& env = "") {
  const fs::path out = dir.path() / "stdout.txt", err = dir.path() / "stderr.txt";
  std::string cmd = "cd " + quote(dir.path().string()) + " && " + env + (env.empty() ? "" : " ") + quote(ROSTRUM_CLI) +
                    " " + args + " </dev/null >" + quote(out.string()) + " 2>" + quote(err.string());
  int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

std::string db_arg(const fs::path& db) { return "--db " + quote(db.string()); }

const char* kVoeten =
    "rcid,ccode,vote,session,date,unres,importantvote,amend,para,short,descr,me,nu,di,hr,co,ec\n"
    "1,2,1,50,1995-10-01,A/RES/50/1,0,0,0,s,d,1,0,0,0,0,0\n"
    "1,365,3,50,1995-10-01,A/RES/50/1,0,0,0,s,d,1,0,0,0,0,0\n"
    "1,200,8,50,1995-10-01,A/RES/50/1,0,0,0,s,d,1,0,0,0,0,0\n"
    "2,2,2,50,1995-11-01,A/RES/50/2,1,0,0,s,d,0,0,0,1,0,0\n"
    "2,710,1,50,1995-11-01,A/RES/50/2,1,0,0,s,d,0,0,0,1,0,0\n";

TEST(Cli, UsageErrorsExit2) {
  TempDir tmp;
  EXPECT_EQ(rostrum(tmp, "").code, 2);
  EXPECT_EQ(rostrum(tmp, "no-such-command").code, 2);
  EXPECT_EQ(rostrum(tmp, "import").code, 2);  // PATH is required
  auto csv = tmp.write("v.csv", kVoeten);
  EXPECT_EQ(rostrum(tmp, "--db x.db import --as nope " + quote(csv)).code, 2);
  EXPECT_EQ(rostrum(tmp, "--db x.db --format xml info").code, 2);
  EXPECT_FALSE(fs::exists(tmp.path() / "x.db"));
  EXPECT_EQ(rostrum(tmp, "--help").code, 0);
}

TEST(Cli, ImportAndInfo) {
  TempDir tmp;
  auto csv = tmp.write("small.csv", kVoeten);
  const fs::path db = tmp.path() / "r.db";
  Result r = rostrum(tmp, db_arg(db) + " import " + quote(csv));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "") << "no progress output when not on a terminal";
  EXPECT_NE(r.out.find("imported source 'small' (voeten)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("roll calls: 2 (2 GA, 0 SC)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("votes:      5 (2 yes, 1 no, 1 abstain, 1 non-voting)"), std::string::npos) << r.out;

  r = rostrum(tmp, db_arg(db) + " --format json info");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j.at("countries").get<int>(), 190);
  ASSERT_EQ(j.at("sources").size(), 1u);
  const auto& s = j["sources"][0];
  EXPECT_EQ(s.at("name"), "small");
  EXPECT_EQ(s.at("body"), "ga");
  EXPECT_EQ(s.at("rollcalls"), 2);
  EXPECT_EQ(s.at("votes").at("yes"), 2);
  EXPECT_EQ(s.at("votes").at("no"), 1);
  EXPECT_EQ(s.at("votes").at("abstain"), 1);
  EXPECT_EQ(s.at("votes").at("nonvoting"), 1);
  EXPECT_EQ(s.at("first_date"), "1995-10-01");
  EXPECT_EQ(s.at("last_date"), "1995-11-01");

  // Re-import: replaced, same counts.
  r = rostrum(tmp, db_arg(db) + " import " + quote(csv));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("replaced source 'small'"), std::string::npos) << r.out;
  auto j2 = nlohmann::json::parse(rostrum(tmp, db_arg(db) + " --format json info").out);
  EXPECT_EQ(j2["sources"].size(), 1u);
  EXPECT_EQ(j2["sources"][0]["votes"], s["votes"]);

  // $ROSTRUM_DB is used without --db.
  r = rostrum(tmp, "--format json info", "ROSTRUM_DB=" + quote(db.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["sources"].size(), 1u);
}

TEST(Cli, BadInputExits3WithFileLineColumnAndCreatesNoStore) {
  TempDir tmp;
  std::string bad = kVoeten;
  bad += "2,20,5,50,1995-11-01,A/RES/50/2,1,0,0,s,d,0,0,0,1,0,0\n";  // line 7: vote code 5
  auto csv = tmp.write("bad.csv", bad);
  const fs::path db = tmp.path() / "r.db";
  Result r = rostrum(tmp, db_arg(db) + " import " + quote(csv));
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("bad.csv:7:6:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("vote code 5"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(db)) << "a failed import created the store";

  // Missing path, unrecognised file.
  r = rostrum(tmp, db_arg(db) + " import " + quote((tmp.path() / "nope.csv").string()));
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("nope.csv"), std::string::npos) << r.err;
  r = rostrum(tmp, db_arg(db) + " import " + quote(tmp.write("x.csv", "a,b\n1,2\n")));
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("x.csv:1:1:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db));
}

TEST(Cli, StoreErrorsExit4) {
  TempDir tmp;
  Result r = rostrum(tmp, db_arg(tmp.path() / "missing.db") + " info");
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "missing.db"));
  auto text = tmp.write("text.db", std::string(200, 'x'));
  r = rostrum(tmp, db_arg(text) + " info");
  EXPECT_EQ(r.code, 4) << r.err;
  r = rostrum(tmp, db_arg(text) + " import " + quote(tmp.write("v.csv", kVoeten)));
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_EQ(slurp(text), std::string(200, 'x'));
}

// Imports `good` into db, then `bad_args` must fail with `code` and leave the
// store file and `info` exactly as they were. Returns the failing run.
Result expect_failed_import_changes_nothing(const TempDir& tmp, const fs::path& db, const std::string& bad_args,
                                            int code) {
  const std::string info_before = rostrum(tmp, db_arg(db) + " --format json info").out;
  const std::string bytes_before = slurp(db);
  EXPECT_FALSE(bytes_before.empty());
  Result r = rostrum(tmp, db_arg(db) + " import " + bad_args);
  EXPECT_EQ(r.code, code) << r.err;
  EXPECT_TRUE(slurp(db) == bytes_before) << "store file changed by a failed import";
  EXPECT_EQ(rostrum(tmp, db_arg(db) + " --format json info").out, info_before);
  EXPECT_FALSE(fs::exists(db.string() + "-journal"));
  return r;
}

TEST(Cli, FailedImportLeavesTheStoreAsItWas) {
  TempDir tmp;
  const fs::path db = tmp.path() / "r.db";
  auto good = tmp.write("src/small.csv", kVoeten);
  ASSERT_EQ(rostrum(tmp, db_arg(db) + " import " + quote(good)).code, 0);
  // Same source name, corrupt content (a duplicate vote on line 4).
  std::string dup = kVoeten;
  dup.insert(dup.find("1,200,8"), "1,2,1,50,1995-10-01,A/RES/50/1,0,0,0,s,d,1,0,0,0,0,0\n");
  auto bad = tmp.write("bad/small.csv", dup);
  Result r = expect_failed_import_changes_nothing(tmp, db, quote(bad), 3);
  EXPECT_NE(r.err.find("small.csv:4:3:"), std::string::npos) << r.err;
  // Several paths: the good one is not written when a later one is bad.
  auto other = tmp.write("other.csv", kVoeten);
  expect_failed_import_changes_nothing(tmp, db, quote(other) + " " + quote(bad), 3);
  // A quoting error.
  auto quoted = tmp.write("q/small.csv", std::string(kVoeten) + "3,2,1,50,\"1995-12-01,x\n");
  r = expect_failed_import_changes_nothing(tmp, db, quote(quoted), 3);
  EXPECT_NE(r.err.find("small.csv:7:10:"), std::string::npos) << r.err;
}

// ---- the acceptance checks on the real data ---------------------------------

nlohmann::json info_json(const TempDir& tmp, const fs::path& db) {
  Result r = rostrum(tmp, db_arg(db) + " --format json info");
  EXPECT_EQ(r.code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

const nlohmann::json* source_of(const nlohmann::json& info, const std::string& name, const std::string& body) {
  for (const auto& s : info.at("sources"))
    if (s.at("name") == name && s.at("body") == body) return &s;
  return nullptr;
}

TEST(CliRealData, UnvotesCountsAndCorruptRowAtLine400001) {
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data";
  const std::string real = rostrum::testing::shared_data("unga/unvotes-0.3.0");
  TempDir tmp;
  const fs::path db = tmp.path() / "r.db";
  Result r = rostrum(tmp, db_arg(db) + " import " + quote(real));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("roll calls: 6,202 (6,202 GA, 0 SC)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("votes:      869,937 (693,544 yes, 65,500 no, 110,893 abstain, 0 non-voting)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("country labels: 200 mapped\n"), std::string::npos) << "every country mapped:\n" << r.out;
  auto info = info_json(tmp, db);
  const auto* s = source_of(info, "unvotes-0.3.0", "ga");
  ASSERT_NE(s, nullptr) << info.dump();
  EXPECT_EQ(s->at("rollcalls"), 6202);
  EXPECT_EQ(s->at("votes").at("yes"), 693544);
  EXPECT_EQ(s->at("votes").at("abstain"), 110893);
  EXPECT_EQ(s->at("votes").at("no"), 65500);
  EXPECT_EQ(s->at("votes").at("nonvoting"), 0);
  EXPECT_EQ(s->at("first_date"), "1946-01-01");
  EXPECT_EQ(s->at("last_date"), "2019-12-27");
  EXPECT_EQ(info.at("sources").size(), 1u);

  // A copy of the directory (same name, so the import would replace the source)
  // with an unknown vote value at line 400,001 of un_votes.csv.
  const fs::path copy = tmp.path() / "copy" / "unvotes-0.3.0";
  fs::create_directories(copy);
  fs::copy_file(real + "/un_roll_calls.csv.gz", copy / "un_roll_calls.csv.gz");
  fs::copy_file(real + "/un_roll_call_issues.csv.gz", copy / "un_roll_call_issues.csv.gz");
  std::string votes = rostrum::io::read_file(real + "/un_votes.csv.gz");
  std::size_t start = 0;
  for (int line = 1; line < 400001; ++line) start = votes.find('\n', start) + 1;
  const std::size_t end = votes.find('\n', start);
  std::string row = votes.substr(start, end - start);
  const std::size_t vote_at = row.rfind(',') + 1;  // the vote is the last field
  ASSERT_NE(row.find("\"yes\""), std::string::npos) << row;
  row = row.substr(0, vote_at) + "\"maybe\"";
  votes.replace(start, end - start, row);
  {
    std::ofstream out(copy / "un_votes.csv", std::ios::binary);
    out << votes;
  }
  votes.clear();
  r = expect_failed_import_changes_nothing(tmp, db, quote(copy.string()), 3);
  const std::string where = "un_votes.csv:400001:" + std::to_string(vote_at + 1) + ":";
  EXPECT_NE(r.err.find(where), std::string::npos) << "expected " << where << " in: " << r.err;
  EXPECT_NE(r.err.find("maybe"), std::string::npos) << r.err;
}

TEST(CliRealData, WideFile) {
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data";
  const std::string real = rostrum::testing::shared_data("unga/undl-wide-2022/un_data_wide.csv.gz");
  TempDir tmp;
  const fs::path db = tmp.path() / "r.db";
  Result r = rostrum(tmp, db_arg(db) + " import " + quote(real));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("roll calls: 7,855 (5,238 GA, 2,617 SC)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("DONOTKNOW"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 unmapped"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("45 records (3 GA, 42 SC)"), std::string::npos) << r.out;
  auto info = info_json(tmp, db);
  const auto* ga = source_of(info, "un_data_wide", "ga");
  const auto* sc = source_of(info, "un_data_wide", "sc");
  ASSERT_NE(ga, nullptr) << info.dump();
  ASSERT_NE(sc, nullptr) << info.dump();
  EXPECT_EQ(ga->at("rollcalls"), 5238);
  EXPECT_EQ(sc->at("rollcalls"), 2617);
}

}  // namespace

namespace {

// Files generated from the catalogue are checked in; they must be current.
TEST(CliCatalogue, GeneratedFilesAreCurrent) {
  TempDir dir;
  const fs::path root(ROSTRUM_SOURCE_DIR);
  for (const auto& [flag, file] : {std::pair<std::string, std::string>{"--typescript", "web/src/api-types.ts"},
                                   {"--markdown", "docs/reference.md"}}) {
    Result r = rostrum(dir, "catalogue " + flag);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, slurp(root / file)) << file << " is stale: regenerate it with rostrum catalogue " << flag << " > "
                                         << file;
  }
}

TEST(CliCatalogue, EveryAnalysisHasACommandWithHelpFromItsSpec) {
  TempDir dir;
  Result r = rostrum(dir, "catalogue --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_GT(j["analyses"].size(), 5u);
  for (const auto& a : j["analyses"]) {
    bool cli = false;
    for (const auto& s : a["surfaces"]) cli = cli || s == "cli";
    if (!cli) continue;
    std::string words = a["name"].get<std::string>();
    std::replace(words.begin(), words.end(), '/', ' ');
    Result help = rostrum(dir, words + " --help");
    EXPECT_EQ(help.code, 0) << words << ": " << help.err;
    EXPECT_NE(help.out.find(a["summary"].get<std::string>()), std::string::npos) << words;
    for (const auto& p : a["params"]) {
      if (p.value("positional", false)) continue;
      const bool negated = p["type"] == "boolean" && p["default"] == true;
      const std::string flag = (negated ? "--no-" : "--") + p["name"].get<std::string>();
      EXPECT_NE(help.out.find(flag), std::string::npos) << words << " --help lacks " << flag;
    }
  }
}

TEST(CliCatalogue, OnlyTheInvokedCommandIsBuiltAndTheRestStillAnswers) {
  // main() builds only the analysis named on the command line (command_word);
  // the global options and their values before it are skipped, and --help or an
  // unknown word still sees every command.
  TempDir dir;
  Result all = rostrum(dir, "catalogue --format json");
  ASSERT_EQ(all.code, 0) << all.err;
  Result top = rostrum(dir, "--help");
  ASSERT_EQ(top.code, 0);
  const auto catalogue = nlohmann::json::parse(all.out);
  for (const auto& a : catalogue["analyses"]) {
    bool cli = false;
    for (const auto& s : a["surfaces"]) cli = cli || s == "cli";
    if (!cli) continue;
    const std::string name = a["name"].get<std::string>();
    const std::string first = name.substr(0, name.find('/'));
    EXPECT_NE(top.out.find("  " + first + " "), std::string::npos) << "--help lacks " << first;
  }
  for (const std::string& globals :
       {std::string("--db x.db --format csv --out o.csv --groups g.toml"), std::string("--db=x.db --format=json"),
        std::string("--groups g.toml --db x.db")}) {
    Result help = rostrum(dir, globals + " agree --help");
    EXPECT_EQ(help.code, 0) << globals << ": " << help.err;
    EXPECT_NE(help.out.find("--measure"), std::string::npos) << globals;
  }
  Result typo = rostrum(dir, "--db x.db agre --a USA");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("agre"), std::string::npos) << typo.err;
  EXPECT_FALSE(fs::exists(dir.path() / "x.db"));
}

TEST(CliCatalogue, NumericFlagsTakeTheirDocumentedValues) {
  TempDir dir;
  // --tol 1e-7 was once refused after passing through a fixed-precision string.
  Result r = rostrum(dir, "--db none.db ideal --tol 1e-7 --session 70");
  EXPECT_EQ(r.err.find("parameter 'tol'"), std::string::npos) << r.err;
  EXPECT_EQ(r.code, 4) << r.err;  // the store is missing; the flag was accepted
}

}  // namespace
