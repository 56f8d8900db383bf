// Voeten's Dataverse layout: COW codes, vote codes 1/2/3/8/9, issue flag columns.
#include <gtest/gtest.h>

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

const std::string kHeader =
    "rcid,ccode,vote,session,importantvote,date,unres,amend,para,short,descr,me,nu,di,hr,co,ec\n";

std::string row(int rcid, int ccode, const std::string& vote,
                const std::string& rest = "1,0,1946-01-01,R/1/66,1,0,\"SHORT, TITLE\",descr,1,0,0,1,0,0") {
  return std::to_string(rcid) + "," + std::to_string(ccode) + "," + vote + "," + rest + "\n";
}

const std::string kSecond = "2,1,1947-09-20,R/2/1,0,1,S2,d2,0,1,1,0,0,1";

std::string sample() {
  return kHeader +                    // line 1
         row(1, 2, "1") +             // USA yes
         row(1, 365, "3") +           // COW 365 in 1946: the Soviet seat (SUN), no
         row(1, 200, "2") +           // GBR abstain
         row(1, 220, "8") +           // FRA absent -> non-voting
         row(1, 710, "9") +           // CHN not a member -> not stored
         row(2, 2, "3", kSecond) +    // line 7
         row(2, 260, "1", kSecond) +  // West Germany's COW code -> DEU
         row(2, 9999, "9", kSecond);  // code 9 rows are skipped before the country is looked up
}

const ImportedRollCall& by_key(const ImportBatch& b, const std::string& key) {
  for (const auto& rc : b.rollcalls)
    if (rc.info.key == key) return rc;
  throw std::runtime_error("no roll call " + key);
}

TEST(ImportVoeten, SmallFile) {
  TempDir tmp;
  auto p = tmp.write("voeten.csv", sample());
  EXPECT_EQ(detect_format(p), "voeten");
  ImportBatch b = import_path(p, "");
  EXPECT_EQ(b.format, "voeten");
  EXPECT_EQ(b.source_name, "voeten");
  ASSERT_EQ(b.rollcalls.size(), 2u);
  std::set<std::tuple<std::string, std::string, Vote>> got,
      want = {
          {"1", "USA", Vote::Yes},       {"1", "SUN", Vote::No}, {"1", "GBR", Vote::Abstain},
          {"1", "FRA", Vote::NonVoting}, {"2", "USA", Vote::No}, {"2", "DEU", Vote::Yes},
      };
  for (const auto& v : b.votes) got.emplace(b.rollcalls.at(v.rollcall).info.key, iso(v.country), v.vote);
  EXPECT_EQ(got, want);
  EXPECT_EQ(b.votes.size(), 6u);

  const auto& r1 = by_key(b, "1");
  EXPECT_EQ(r1.info.session, 1);
  EXPECT_EQ(r1.info.date, make_date(1946, 1, 1));
  EXPECT_EQ(r1.info.symbol, "R/1/66");
  EXPECT_EQ(r1.info.title, "SHORT, TITLE");
  EXPECT_FALSE(r1.info.important);
  EXPECT_TRUE(r1.info.amendment);
  EXPECT_FALSE(r1.info.paragraph);
  EXPECT_EQ(r1.info.issues, kIssueMe | kIssueHr);
  const auto& r2 = by_key(b, "2");
  EXPECT_EQ(r2.info.session, 2);
  EXPECT_EQ(r2.info.date, make_date(1947, 9, 20));
  EXPECT_TRUE(r2.info.paragraph);
  EXPECT_EQ(r2.info.issues, kIssueNu | kIssueDi | kIssueEc);
  EXPECT_EQ(b.name_map.at("365"), "RUS");
  EXPECT_EQ(b.name_map.at("260"), "DEU");
}

TEST(ImportVoeten, WithoutOptionalColumns) {
  TempDir tmp;
  auto p = tmp.write("v.csv", "date,vote,ccode,rcid,session\n2000-01-02,1,2,7,54\n2000-01-02,2,20,7,54\n");
  ImportBatch b = import_path(p, "");
  ASSERT_EQ(b.rollcalls.size(), 1u);
  EXPECT_EQ(b.rollcalls[0].info.session, 54);
  EXPECT_EQ(b.rollcalls[0].info.issues, 0);
  ASSERT_EQ(b.votes.size(), 2u);
  EXPECT_EQ(iso(b.votes[1].country), "CAN");
}

// ---- malformed input -------------------------------------------------------

TEST(ImportVoeten, MissingColumn) {
  TempDir tmp;
  auto p = tmp.write("v.csv", "rcid,ccode,vote,date\n1,2,1,2000-01-01\n");
  auto e = input_error([&] { import_voeten(p); });
  EXPECT_AT(e, "v.csv", 1, 1);
  EXPECT_NE(std::string(e.what()).find("'session'"), std::string::npos) << e.what();
}

TEST(ImportVoeten, UnknownVoteCode) {
  for (std::string code : {"0", "4", "7", "10", "yes", "1.0", ""}) {
    TempDir tmp;
    auto p = tmp.write("v.csv", sample() + row(2, 20, code, kSecond));
    auto e = input_error([&] { import_voeten(p); });
    EXPECT_AT(e, "v.csv", 10, 6);
  }
}

TEST(ImportVoeten, UnknownCountryCode) {
  TempDir tmp;
  auto p = tmp.write("v.csv", sample() + row(2, 9999, "1", kSecond));
  auto e = input_error([&] { import_voeten(p); });
  EXPECT_AT(e, "v.csv", 10, 3);
  EXPECT_NE(std::string(e.what()).find("9999"), std::string::npos) << e.what();
  p = tmp.write("v.csv", sample() + "2,USA,1," + kSecond + "\n");
  EXPECT_AT(input_error([&] { import_voeten(p); }), "v.csv", 10, 3);
}

TEST(ImportVoeten, DuplicateVote) {
  TempDir tmp;
  auto p = tmp.write("v.csv", sample() + row(1, 200, "1"));
  auto e = input_error([&] { import_voeten(p); });
  EXPECT_AT(e, "v.csv", 10, 3);
  EXPECT_NE(std::string(e.what()).find("duplicate"), std::string::npos) << e.what();
}

TEST(ImportVoeten, BadDateSessionFlag) {
  TempDir tmp;
  auto p = tmp.write("v.csv", kHeader + row(3, 2, "1", "3,0,1948-02-30,R/3/1,0,0,s,d,0,0,0,0,0,0"));
  EXPECT_AT(input_error([&] { import_voeten(p); }), "v.csv", 2, 11);
  p = tmp.write("v.csv", kHeader + row(3, 2, "1", "-3,0,1948-02-03,R/3/1,0,0,s,d,0,0,0,0,0,0"));
  EXPECT_AT(input_error([&] { import_voeten(p); }), "v.csv", 2, 7);
  p = tmp.write("v.csv", kHeader + row(3, 2, "1", "3,0,1948-02-03,R/3/1,0,0,s,d,0,0,0,yes,0,0"));
  EXPECT_AT(input_error([&] { import_voeten(p); }), "v.csv", 2, 42);
}

TEST(ImportVoeten, ShortRow) {
  TempDir tmp;
  auto p = tmp.write("v.csv", sample() + "2,20\n");
  auto e = input_error([&] { import_voeten(p); });
  EXPECT_AT(e, "v.csv", 10, 3);
  EXPECT_NE(std::string(e.what()).find("row has 2 fields"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace rostrum::io
