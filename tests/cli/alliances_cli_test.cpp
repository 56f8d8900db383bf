// The alliance and veto commands end to end: bad files exit 3 naming line and
// column and leave the store byte-for-byte as it was; the contract on
// the real files in ../shared/data.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.hpp"

namespace {

using rostrum::testing::TempDir;
namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string q(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Outcome run(const TempDir& dir, const std::string& args) {
  const fs::path out = dir.path() / "out.txt", err = dir.path() / "err.txt";
  const std::string cmd = "cd " + q(dir.path().string()) + " && " + q(ROSTRUM_CLI) + " " + args + " </dev/null >" +
                          q(out.string()) + " 2>" + q(err.string());
  const int status = std::system(cmd.c_str());
  Outcome r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

const char* kTreaties =
    "name,parties,signed,in_force,ended,obligations,source\n"
    "Pact,RUS;PRK,2024-06-19,2024-12-04,,defense;consul,a citation\n";

TEST(AlliancesCli, BadFilesExit3AndChangeNothing) {
  TempDir dir;
  const std::string db = (dir.path() / "a.db").string();
  const std::string good = dir.write("treaties.csv", kTreaties);
  Outcome ok = run(dir, "--db " + q(db) + " alliances import " + q(good));
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(ok.out.find("imported alliance source 'treaties' (treaties)"), std::string::npos) << ok.out;
  const std::string before = slurp(db);

  // Line 3, column 7 (after "Other,"): the parties field names no state.
  const std::string bad =
      dir.write("bad.csv", std::string(kTreaties) + "Other,RUS;Atlantis,2000-01-01,2000-02-01,,defense,cite\n");
  Outcome r = run(dir, "--db " + q(db) + " alliances import " + q(good) + " " + q(bad));
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("bad.csv:3:7:"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(db), before);

  const std::string veto_ok =
      dir.write("v.csv", "date,draft,agenda_item,member_veto1\n2022-05-26,S/2022/431,DPRK,China\n");
  ASSERT_EQ(run(dir, "--db " + q(db) + " vetoes import " + q(veto_ok)).code, 0);
  const std::string with_vetoes = slurp(db);
  const std::string veto_bad =
      dir.write("vb.csv", "date,draft,agenda_item,member_veto1\n2022-05-26,S/1,x,China\n2022-13-01,S/2,x,China\n");
  r = run(dir, "--db " + q(db) + " vetoes import " + q(veto_bad));
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("vb.csv:3:1:"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(db), with_vetoes);

  // Asking before anything is imported, or for an unknown state, is not a crash.
  const std::string empty = (dir.path() / "empty.db").string();
  ASSERT_EQ(run(dir, "--db " + q(empty) + " vetoes import " + q(veto_ok)).code, 0);
  r = run(dir, "--db " + q(empty) + " alliances --a CHN --b PRK");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no alliance data"), std::string::npos) << r.err;
  r = run(dir, "--db " + q(db) + " alliances --a CHN --b Atlantis");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("parameter 'b'"), std::string::npos) << r.err;
}

// The contract, on the real files.
TEST(AlliancesCli, ContractOnTheRealData) {
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data";
  TempDir dir;
  const std::string db = "--db " + q((dir.path() / "r.db").string());
  ASSERT_EQ(run(dir, db + " import " + q(rostrum::testing::shared_data("unga/unvotes-0.3.0"))).code, 0);
  Outcome r = run(dir, db + " alliances import " + q(rostrum::testing::shared_data("alliances/atop_dyad_year.csv.gz")));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("267920 directed dyad-years, 1815-2018"), std::string::npos) << r.out;
  r = run(dir, db + " alliances import " + q(std::string(ROSTRUM_SOURCE_DIR) + "/data/treaties.csv") +
                   " --as-of 2025-12-31");
  ASSERT_EQ(r.code, 0) << r.err;

  r = run(dir, db + " alliances --a CHN --b PRK --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  int defense_years = 0;
  for (const auto& y : doc["years"]) {
    const int year = y["year"].get<int>();
    if (year > 2018) continue;
    for (const char* type : {"defense", "offense", "neutral", "nonagg", "consul"}) {
      ASSERT_TRUE(y[type].is_number_integer()) << year << " " << type;
      EXPECT_TRUE(y[type] == 0 || y[type] == 1);
    }
    if (year >= 1961) {
      EXPECT_EQ(y["defense"], 1) << year;
      ++defense_years;
    } else {
      EXPECT_EQ(y["defense"], 0) << year;
    }
  }
  EXPECT_EQ(defense_years, 58);

  r = run(dir, db + " vetoes import " + q(rostrum::testing::shared_data("unsc/unsc_vetoes_1946_sept2022.csv")));
  ASSERT_EQ(r.code, 0) << r.err;
  r = run(dir, db + " vetoes --by pair --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "a,b,period,covetoes");
  EXPECT_NE(r.out.find("\nCHN,RUS,1946-2022,14\n"), std::string::npos) << r.out;
  r = run(dir, db + " vetoes --by pair --from 2007 --format csv");
  EXPECT_EQ(r.out, "a,b,period,covetoes\nCHN,RUS,2007-2022,14\n");

  r = run(dir, db + " dyad --a RUS --b PRK --boot 100 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  doc = nlohmann::json::parse(r.out);
  const auto& years = doc["years"];
  ASSERT_GT(years.size(), 70u);
  int expected = years[0]["year"].get<int>();
  EXPECT_EQ(expected, 1948);  // North Korea enters the state system
  for (const auto& y : years) {
    const int year = y["year"].get<int>();
    EXPECT_EQ(year, expected++) << "one object per year";
    EXPECT_EQ(y["a_id"], year <= 1991 ? "SUN" : "RUS") << year;
    // unvotes ends in 2019; North Korea votes from 1991.
    if (year < 1991 || year > 2019) {
      EXPECT_TRUE(y["ga_agree"].is_null()) << year;
      EXPECT_TRUE(y["ga_n"].is_null()) << year;
    }
    if (year >= 1992 && year <= 2019) {
      EXPECT_TRUE(y["ga_agree"].is_number()) << year;
      EXPECT_LE(y["ga_lo"].get<double>(), y["ga_agree"].get<double>());
    }
    if (year >= 2019 && year <= 2023) {
      EXPECT_TRUE(y["defense"].is_null()) << year;  // no source speaks: null, never 0
    }
    if (year >= 1961 && year <= 1995) {
      EXPECT_EQ(y["defense"], 1) << year;
    }
    if (year >= 2024) {
      EXPECT_EQ(y["defense"], 1) << year;
    }
    EXPECT_TRUE(y["vetoes_b"].is_null()) << "North Korea holds no permanent seat";
    EXPECT_TRUE(y["sc_agree"].is_null()) << "no SC record imported";
  }
  EXPECT_TRUE(doc["composite"].is_null());
}

}  // namespace
