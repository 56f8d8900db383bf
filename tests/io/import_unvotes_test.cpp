// The unvotes importer on small directories the test writes: counts, flags,
// issues, country mapping, gzip members, and every kind of malformed row with the
// line and column it is reported at.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "io/import.hpp"
#include "io/io_helpers.hpp"
#include "registry/registry.hpp"
#include "support/test_support.hpp"

namespace rostrum::io {
namespace {

using rostrum::testing::TempDir;
using namespace rostrum::io::testing;

std::string iso(int country) { return std::string(registry::countries()[country].iso3); }

const char* kRollCalls =
    "\"rcid\",\"session\",\"importantvote\",\"date\",\"unres\",\"amend\",\"para\",\"short\",\"descr\"\n"
    "3,1,0,1946-01-01,\"R/1/66\",1,0,\"AMENDMENTS, RULES OF PROCEDURE\",\"TO ADOPT A \"\"CUBAN\"\" AMENDMENT\"\n"
    "4,1,1,1946-01-02,\"R/1/79\",0,1,\"SECURITY COUNCIL ELECTIONS\",\"two\nlines\"\n"
    "5,2,0,1947-09-20,\"R/2/1\",0,0,\"SHORT\",\"descr\"\n";
const char* kIssues =
    "\"rcid\",\"short_name\",\"issue\"\n"
    "3,\"me\",\"Palestinian conflict\"\n"
    "3,\"hr\",\"Human rights\"\n"
    "5,\"co\",\"Colonialism\"\n";
const char* kVotes =
    "\"rcid\",\"country\",\"country_code\",\"vote\"\n"
    "3,\"United States\",\"US\",\"yes\"\n"
    "3,\"Canada\",\"CA\",\"no\"\n"
    "3,\"Russia\",\"RU\",\"abstain\"\n"
    "4,\"United States\",\"US\",\"no\"\n"
    "4,\"Federal Republic of Germany\",\"\",\"yes\"\n"
    "5,\"Zanzibar\",\"\",\"yes\"\n"
    "5,\"Yemen Arab Republic\",\"\",\"abstain\"\n";

struct Dir {
  TempDir tmp;
  std::string path;
  Dir(const std::string& rollcalls, const std::string& votes, const std::string* issues) {
    path = (tmp.path() / "unvotes-test").string();
    tmp.write("unvotes-test/un_roll_calls.csv", rollcalls);
    tmp.write("unvotes-test/un_votes.csv", votes);
    if (issues) tmp.write("unvotes-test/un_roll_call_issues.csv", *issues);
  }
};

Dir good_dir() {
  std::string issues = kIssues;
  return Dir(kRollCalls, kVotes, &issues);
}

const ImportedRollCall& by_key(const ImportBatch& b, const std::string& key) {
  for (const auto& rc : b.rollcalls)
    if (rc.info.key == key) return rc;
  throw std::runtime_error("no roll call " + key);
}

TEST(ImportUnvotes, SmallDirectory) {
  Dir d = good_dir();
  ImportBatch b = import_unvotes(d.path);
  EXPECT_EQ(b.format, "unvotes");
  EXPECT_EQ(b.source_name, "unvotes-test");
  EXPECT_EQ(b.paths.size(), 3u);
  ASSERT_EQ(b.rollcalls.size(), 3u);
  ASSERT_EQ(b.votes.size(), 7u);

  const auto& r3 = by_key(b, "3");
  EXPECT_EQ(r3.info.body, Body::GeneralAssembly);
  EXPECT_EQ(r3.info.session, 1);
  EXPECT_EQ(r3.info.session_label, "1");
  EXPECT_EQ(r3.info.date, make_date(1946, 1, 1));
  EXPECT_EQ(r3.info.symbol, "R/1/66");
  EXPECT_EQ(r3.info.title, "AMENDMENTS, RULES OF PROCEDURE");
  EXPECT_EQ(r3.info.description, "TO ADOPT A \"CUBAN\" AMENDMENT");
  EXPECT_TRUE(r3.info.amendment);
  EXPECT_FALSE(r3.info.paragraph);
  EXPECT_FALSE(r3.info.important);
  EXPECT_EQ(r3.info.issues, kIssueMe | kIssueHr);
  EXPECT_FALSE(r3.totals.has_value());

  const auto& r4 = by_key(b, "4");
  EXPECT_TRUE(r4.info.important);
  EXPECT_TRUE(r4.info.paragraph);
  EXPECT_FALSE(r4.info.amendment);
  EXPECT_EQ(r4.info.issues, 0);
  EXPECT_EQ(r4.info.description, "two\nlines");

  const auto& r5 = by_key(b, "5");
  EXPECT_EQ(r5.info.session, 2);
  EXPECT_EQ(r5.info.date, make_date(1947, 9, 20));
  EXPECT_EQ(r5.info.issues, kIssueCo);

  // Every vote, mapped to canonical ids.
  std::set<std::tuple<std::string, std::string, Vote>> got,
      want = {
          // "Russia" in 1946 is the Soviet seat (registry seat rules).
          {"3", "USA", Vote::Yes}, {"3", "CAN", Vote::No},  {"3", "SUN", Vote::Abstain}, {"4", "USA", Vote::No},
          {"4", "DEU", Vote::Yes}, {"5", "EAZ", Vote::Yes}, {"5", "YAR", Vote::Abstain},
      };
  for (const auto& v : b.votes) got.emplace(b.rollcalls.at(v.rollcall).info.key, iso(v.country), v.vote);
  EXPECT_EQ(got, want);

  EXPECT_EQ(b.name_map.at("Russia"), "RUS");  // the label's state; its votes are dated
  EXPECT_EQ(b.name_map.at("Federal Republic of Germany"), "DEU");
  EXPECT_EQ(b.name_map.at("Zanzibar"), "EAZ");
  EXPECT_EQ(b.name_map.size(), 6u);
  EXPECT_EQ(b.warnings.total(), 0);
}

// Labels are read by the roll call's date (registry seat rules), in unvotes as in
// every importer: one label, several states over time; a label with no seat on
// the date is reported and skipped, never stored under a guess.
TEST(ImportUnvotes, LabelsAreReadByTheRollCallsDate) {
  const std::string rollcalls =
      "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
      "1,15,0,1960-12-14,R/15/1514,0,0,A,a\n"
      "2,50,0,1995-12-01,R/50/1,0,0,B,b\n"
      "3,45,0,1990-12-06,R/45/1,0,0,C,c\n"
      "4,60,0,2010-12-01,R/60/1,0,0,D,d\n"
      "5,56,0,2002-12-01,R/56/1,0,0,E,e\n"
      "6,46,0,1991-12-01,R/46/1,0,0,F,f\n";
  const std::string votes =
      "rcid,country,country_code,vote\n"
      "1,China,CN,yes\n"                        // before 1971-10-26: the ROC's seat
      "1,Russia,RU,no\n"                        // the Soviet seat
      "2,Russia,RU,yes\n"                       // Russia
      "3,Yemen Arab Republic,,abstain\n"        // after unification: Yemen
      "4,Yugoslavia,YU,yes\n"                   // unvotes' label for Serbia
      "5,Yugoslavia,YU,no\n"                    // the FRY, i.e. Serbia and Montenegro
      "6,German Democratic Republic,DD,yes\n";  // after 1990-10-02: no such seat
  Dir d(rollcalls, votes, nullptr);
  ImportBatch b = import_unvotes(d.path);
  std::set<std::tuple<std::string, std::string, Vote>> got,
      want = {
          {"1", "TWN", Vote::Yes},     {"1", "SUN", Vote::No},  {"2", "RUS", Vote::Yes},
          {"3", "YEM", Vote::Abstain}, {"4", "SRB", Vote::Yes}, {"5", "SCG", Vote::No},
      };
  for (const auto& v : b.votes) got.emplace(b.rollcalls.at(v.rollcall).info.key, iso(v.country), v.vote);
  EXPECT_EQ(got, want);
  ASSERT_EQ(b.warnings.total(), 1);
  EXPECT_NE(b.warnings.by_kind.begin()->second.examples.at(0).find("German Democratic Republic"), std::string::npos);
  std::string notes;
  for (const auto& n : b.notes) notes += n + "\n";
  EXPECT_NE(notes.find("1 votes under labels of CHN dated until 1971-10-25 are TWN's"), std::string::npos) << notes;
  EXPECT_NE(notes.find("labels of YUG dated from 2006-06-03 are SRB's"), std::string::npos) << notes;
}

TEST(ImportUnvotes, IssuesFileIsOptional) {
  Dir d(kRollCalls, kVotes, nullptr);
  ImportBatch b = import_unvotes(d.path);
  EXPECT_EQ(b.rollcalls.size(), 3u);
  EXPECT_EQ(b.votes.size(), 7u);
  EXPECT_EQ(b.paths.size(), 2u);
  for (const auto& rc : b.rollcalls) EXPECT_EQ(rc.info.issues, 0);
}

TEST(ImportUnvotes, GzipFilesBomAndCrlf) {
  TempDir tmp;
  auto crlf = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '\n') out += '\r';
      out += c;
    }
    return out;
  };
  std::string dir = (tmp.path() / "gzdir").string();
  std::filesystem::create_directories(dir);
  write_gz_file(dir + "/un_roll_calls.csv.gz", "\xEF\xBB\xBF" + crlf(kRollCalls));
  write_gz_file(dir + "/un_votes.csv.gz", crlf(kVotes));
  write_gz_file(dir + "/un_roll_call_issues.csv.gz", crlf(kIssues));
  ImportBatch b = import_path(dir, "");
  EXPECT_EQ(b.format, "unvotes");
  ASSERT_EQ(b.rollcalls.size(), 3u);
  EXPECT_EQ(b.votes.size(), 7u);
  EXPECT_EQ(by_key(b, "3").info.issues, kIssueMe | kIssueHr);
  EXPECT_EQ(by_key(b, "5").info.title, "SHORT");  // no stray \r
  // CRLF inside a quoted field is kept as it is.
  EXPECT_EQ(by_key(b, "4").info.description, "two\r\nlines");
  for (const auto& v : b.votes) EXPECT_NE(v.vote, Vote::Missing);
}

TEST(ImportUnvotes, VoteCaseInsensitiveAndColumnsByName) {
  // Columns in another order, upper-case vote values.
  Dir d(kRollCalls,
        "vote,country_code,country,rcid\n"
        "YES,US,United States,3\n"
        "Abstain,,Canada,3\n",
        nullptr);
  ImportBatch b = import_unvotes(d.path);
  ASSERT_EQ(b.votes.size(), 2u);
  EXPECT_EQ(iso(b.votes[0].country), "USA");
  EXPECT_EQ(b.votes[0].vote, Vote::Yes);
  EXPECT_EQ(iso(b.votes[1].country), "CAN");
  EXPECT_EQ(b.votes[1].vote, Vote::Abstain);
}

TEST(ImportUnvotes, UnknownNameResolvedByCode) {
  Dir d(kRollCalls, "rcid,country,country_code,vote\n3,Nowhereland,FR,yes\n", nullptr);
  ImportBatch b = import_unvotes(d.path);
  ASSERT_EQ(b.votes.size(), 1u);
  EXPECT_EQ(iso(b.votes[0].country), "FRA");
}

// ---- malformed input -------------------------------------------------------

TEST(ImportUnvotes, MissingDirectoryOrFiles) {
  TempDir tmp;
  auto e = input_error([&] { import_unvotes((tmp.path() / "none").string()); });
  EXPECT_EQ(e.line(), 0u);
  tmp.write("d/un_votes.csv", kVotes);
  e = input_error([&] { import_unvotes((tmp.path() / "d").string()); });
  EXPECT_NE(std::string(e.what()).find("un_roll_calls.csv"), std::string::npos) << e.what();
}

TEST(ImportUnvotes, HeaderMissingAColumn) {
  Dir d("rcid,session,importantvote,when\n3,1,0,1946-01-01\n", kVotes, nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_roll_calls.csv", 1, 1);
  EXPECT_NE(std::string(e.what()).find("'date'"), std::string::npos) << e.what();

  Dir d2(kRollCalls, "rcid,country,country_code,ballot\n3,Canada,CA,yes\n", nullptr);
  e = input_error([&] { import_unvotes(d2.path); });
  EXPECT_AT(e, "un_votes.csv", 1, 1);
  EXPECT_NE(std::string(e.what()).find("'vote'"), std::string::npos) << e.what();
}

TEST(ImportUnvotes, EmptyVotesFile) {
  Dir d(kRollCalls, "", nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_votes.csv", 1, 1);
}

TEST(ImportUnvotes, ShortRow) {
  // Line 3 has two fields; country_code (index 2) is the first one missing.
  Dir d(kRollCalls, "rcid,country,country_code,vote\n3,Canada,CA,no\n3,\"Canada\"\n", nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_votes.csv", 3, 3);
  EXPECT_NE(std::string(e.what()).find("row has 2 fields"), std::string::npos) << e.what();
}

TEST(ImportUnvotes, BadDate) {
  Dir d(std::string(kRollCalls) + "6,2,0,1947-02-30,\"R/2/2\",0,0,\"S\",\"D\"\n", kVotes, nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  // kRollCalls is 5 physical lines (one description spans two).
  EXPECT_AT(e, "un_roll_calls.csv", 6, 7);
  EXPECT_NE(std::string(e.what()).find("1947-02-30"), std::string::npos) << e.what();
}

TEST(ImportUnvotes, BadDateFormats) {
  for (std::string bad : {"1947/13/01", "19470101", "1947-1-1", "", "NA", "2019-02-29"}) {
    Dir d("rcid,session,date\n1,2,\"" + bad + "\"\n", "rcid,country,vote\n", nullptr);
    auto e = input_error([&] { import_unvotes(d.path); });
    EXPECT_AT(e, "un_roll_calls.csv", 2, 5);
  }
  // A leap day is a date.
  Dir ok("rcid,session,date\n1,2,2020-02-29\n", "rcid,country,vote\n", nullptr);
  EXPECT_EQ(import_unvotes(ok.path).rollcalls.at(0).info.date, make_date(2020, 2, 29));
}

TEST(ImportUnvotes, BadSessionAndFlags) {
  Dir d("rcid,session,date\n1,x1,2000-01-01\n", "rcid,country,vote\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d.path); }), "un_roll_calls.csv", 2, 3);
  Dir d2("rcid,session,date\n1,0,2000-01-01\n", "rcid,country,vote\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d2.path); }), "un_roll_calls.csv", 2, 3);
  Dir d3("rcid,session,date,amend\n1,5,2000-01-01,2\n", "rcid,country,vote\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d3.path); }), "un_roll_calls.csv", 2, 16);
}

TEST(ImportUnvotes, UnknownVoteValue) {
  Dir d(kRollCalls,
        "\"rcid\",\"country\",\"country_code\",\"vote\"\n"
        "3,\"Canada\",\"CA\",\"no\"\n"
        "3,\"United States\",\"US\",\"maybe\"\n",
        nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_votes.csv", 3, 24);
  EXPECT_NE(std::string(e.what()).find("maybe"), std::string::npos) << e.what();
}

TEST(ImportUnvotes, UnknownCountry) {
  Dir d(kRollCalls, "rcid,country,country_code,vote\n3,Canada,CA,no\n4,Atlantis,QQ,yes\n", nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_votes.csv", 3, 3);
  EXPECT_NE(std::string(e.what()).find("Atlantis"), std::string::npos) << e.what();
}

TEST(ImportUnvotes, DuplicateVote) {
  // The same state twice on one roll call, even under two of its names.
  Dir d(kRollCalls,
        "rcid,country,country_code,vote\n3,Canada,CA,no\n4,Canada,CA,no\n3,United States,US,yes\n3,Canada,CA,yes\n",
        nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_votes.csv", 5, 3);
  Dir d2(kRollCalls, "rcid,country,country_code,vote\n3,United States,US,yes\n3,USA,,yes\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d2.path); }), "un_votes.csv", 3, 3);
}

TEST(ImportUnvotes, DuplicateRollCallId) {
  Dir d("rcid,session,date\n1,1,1946-01-01\n2,1,1946-01-02\n1,1,1946-01-03\n", "rcid,country,vote\n", nullptr);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_roll_calls.csv", 4, 1);
  EXPECT_NE(std::string(e.what()).find("duplicate"), std::string::npos) << e.what();
}

TEST(ImportUnvotes, VoteOnUnknownRollCall) {
  Dir d(kRollCalls, "rcid,country,country_code,vote\n3,Canada,CA,no\n99,Canada,CA,no\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d.path); }), "un_votes.csv", 3, 1);
  Dir d2(kRollCalls, "rcid,country,country_code,vote\n3.0,Canada,CA,no\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d2.path); }), "un_votes.csv", 2, 1);
}

TEST(ImportUnvotes, BadIssues) {
  std::string unknown_code = "rcid,short_name\n3,me\n4,xx\n";
  Dir d(kRollCalls, kVotes, &unknown_code);
  auto e = input_error([&] { import_unvotes(d.path); });
  EXPECT_AT(e, "un_roll_call_issues.csv", 3, 3);
  std::string unknown_rc = "rcid,short_name\n3,me\n77,hr\n";
  Dir d2(kRollCalls, kVotes, &unknown_rc);
  EXPECT_AT(input_error([&] { import_unvotes(d2.path); }), "un_roll_call_issues.csv", 3, 1);
}

TEST(ImportUnvotes, QuoteErrorsCarryTheirPosition) {
  Dir d(kRollCalls, "rcid,country,country_code,vote\n3,Canada,CA,no\n4,Can\"ada,CA,no\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d.path); }), "un_votes.csv", 3, 6);
  Dir d2(kRollCalls, "rcid,country,country_code,vote\n3,Canada,CA,no\n4,\"Canada,CA,no\n", nullptr);
  EXPECT_AT(input_error([&] { import_unvotes(d2.path); }), "un_votes.csv", 3, 3);
}

TEST(ImportUnvotes, DetectedAndNamed) {
  Dir d = good_dir();
  EXPECT_EQ(detect_format(d.path), "unvotes");
  ImportBatch b = import_path(d.path, "", "custom");
  EXPECT_EQ(b.source_name, "custom");
  EXPECT_EQ(import_path(d.path + "/", "").source_name, "unvotes-test");
  // un_votes.csv alone is not importable: the message says what to do.
  auto e = input_error([&] { detect_format(d.path + "/un_votes.csv"); });
  EXPECT_NE(std::string(e.what()).find("directory"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace rostrum::io
