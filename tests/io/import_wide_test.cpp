// The wide (one row per resolution, one column per state header) importer on
// small files: split headers of one state merged, unmapped headers reported,
// conflicting split votes rejected, all-X records kept without votes.
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

// Columns 12..19 (1-based) are states: IVORY COAST and COTE D'IVOIRE are one state
// (CIV), USSR (SUN) and RUSSIAN FEDERATION (RUS) two; DONOTKNOW maps to none.
const std::string kHeader =
    "\xEF\xBB\xBF"
    "Council,Date,Title,Resolution,TOTAL VOTES,NO-VOTE COUNT,ABSENT COUNT,NO COUNT,YES COUNT,Link,token,"
    "UNITED STATES,IVORY COAST,COTE D'IVOIRE,USSR,RUSSIAN FEDERATION,DONOTKNOW,\"GERMANY, FEDERAL REPUBLIC OF\","
    " FRANCE\n";
constexpr int kFirstState = 11;  // 0-based field index of UNITED STATES

struct Rec {
  std::string council, date, title, symbol, total, x, a, n, y, token;
  std::vector<std::string> cells;  // 8 state cells
};

std::string line_of(const Rec& r) {
  std::string s = r.council + "," + r.date + ",\"" + r.title + "\"," + r.symbol + "," + r.total + "," + r.x + "," +
                  r.a + "," + r.n + "," + r.y + ",https://digitallibrary.un.org/record/" + r.token + "?ln=en," +
                  r.token;
  for (const auto& c : r.cells) s += "," + c;
  return s + "\n";
}

std::vector<Rec> sample() {
  return {
      // line 2: the Ivory Coast votes under its old header
      {"General Assembly",
       "1960-12-14",
       "Declaration on the granting of independence",
       "A/RES/1514(XV)",
       "4",
       "0",
       "2",
       "0",
       "2",
       "t1",
       {"A", "Y", "", "Y", "", "", "", "A"}},
      // line 3: now under its new one; a vote under DONOTKNOW is skipped
      {"General Assembly",
       "2019-11-07",
       "Cuba, embargo",
       "A/RES/74/7",
       "5",
       "1",
       "0",
       "1",
       "3",
       "t2",
       {"N", "", "Y", "", "Y", "Y", "Y", "X"}},
      // line 4: the same vote under both headers: merged into one
      {"General Assembly",
       "1990-10-01",
       "t",
       "A/RES/45/1",
       "3",
       "0",
       "0",
       "0",
       "3",
       "t3",
       {"Y", "Y", "Y", "", "Y", "", "", ""}},
      // line 5: Security Council
      {"Security Council",
       "2016-12-23",
       "Settlements",
       "S/RES/2334(2016)",
       "3",
       "0",
       "1",
       "0",
       "2",
       "t4",
       {"A", "", "", "", "Y", "", "", "Y"}},
      // line 6: every member X: adopted without a vote
      {"General Assembly",
       "2003-12-08",
       "no vote",
       "A/RES/ES-10/14",
       "0",
       "0",
       "0",
       "0",
       "0",
       "t5",
       {"X", "", "X", "", "X", "", "", "X"}},
      // line 7: a year-only date
      {"General Assembly",
       "1950",
       "year only",
       "A/RES/500(V)",
       "2",
       "0",
       "0",
       "0",
       "2",
       "t6",
       {"Y", "", "", "Y", "", "", "", ""}},
      // line 8: an SC record without any vote cell
      {"Security Council",
       "1970-01-01",
       "empty",
       "S/RES/280(1970)",
       "15",
       "0",
       "0",
       "0",
       "15",
       "",
       {"", "", "", "", "", "", "", ""}},
  };
}

std::string file_of(const std::vector<Rec>& recs) {
  std::string s = kHeader;
  for (const auto& r : recs) s += line_of(r);
  return s;
}

const ImportedRollCall& by_symbol(const ImportBatch& b, const std::string& symbol) {
  for (const auto& rc : b.rollcalls)
    if (rc.info.symbol == symbol) return rc;
  throw std::runtime_error("no roll call " + symbol);
}

TEST(ImportWide, SmallFile) {
  TempDir tmp;
  auto p = tmp.write("wide.csv", file_of(sample()));
  EXPECT_EQ(detect_format(p), "wide");
  ImportBatch b = import_wide(p);
  EXPECT_EQ(b.format, "wide");
  EXPECT_EQ(b.source_name, "wide");
  ASSERT_EQ(b.rollcalls.size(), 7u);
  int ga = 0, sc = 0;
  for (const auto& rc : b.rollcalls) (rc.info.body == Body::SecurityCouncil ? sc : ga)++;
  EXPECT_EQ(ga, 5);
  EXPECT_EQ(sc, 2);

  std::set<std::tuple<std::string, std::string, Vote>> got,
      want = {
          {"A/RES/1514(XV)", "USA", Vote::Abstain},
          {"A/RES/1514(XV)", "CIV", Vote::Yes},
          {"A/RES/1514(XV)", "SUN", Vote::Yes},
          {"A/RES/1514(XV)", "FRA", Vote::Abstain},
          {"A/RES/74/7", "USA", Vote::No},
          {"A/RES/74/7", "CIV", Vote::Yes},
          {"A/RES/74/7", "RUS", Vote::Yes},
          {"A/RES/74/7", "DEU", Vote::Yes},
          {"A/RES/74/7", "FRA", Vote::NonVoting},
          {"A/RES/45/1", "USA", Vote::Yes},
          {"A/RES/45/1", "CIV", Vote::Yes},
          {"A/RES/45/1", "SUN", Vote::Yes},  // 1990: the Soviet seat
          {"S/RES/2334(2016)", "USA", Vote::Abstain},
          {"S/RES/2334(2016)", "RUS", Vote::Yes},
          {"S/RES/2334(2016)", "FRA", Vote::Yes},
          {"A/RES/500(V)", "USA", Vote::Yes},
          {"A/RES/500(V)", "SUN", Vote::Yes},
      };
  for (const auto& v : b.votes) got.emplace(b.rollcalls.at(v.rollcall).info.symbol, iso(v.country), v.vote);
  EXPECT_EQ(got, want);
  EXPECT_EQ(b.votes.size(), want.size());  // the merged CIV vote is stored once

  // Sessions from symbols; SC grouped by year.
  EXPECT_EQ(by_symbol(b, "A/RES/1514(XV)").info.session, 15);
  EXPECT_EQ(by_symbol(b, "A/RES/74/7").info.session, 74);
  EXPECT_EQ(by_symbol(b, "A/RES/74/7").info.title, "Cuba, embargo");
  EXPECT_EQ(by_symbol(b, "A/RES/74/7").info.key, "t2");
  EXPECT_EQ(by_symbol(b, "A/RES/74/7").link, "https://digitallibrary.un.org/record/t2?ln=en");
  EXPECT_EQ(by_symbol(b, "A/RES/ES-10/14").info.session, 0);
  EXPECT_EQ(by_symbol(b, "A/RES/ES-10/14").info.session_label, "ES-10");
  EXPECT_EQ(by_symbol(b, "A/RES/500(V)").info.session, 5);
  EXPECT_EQ(by_symbol(b, "A/RES/500(V)").info.date, make_date(1950, 12, 31));
  EXPECT_EQ(by_symbol(b, "S/RES/2334(2016)").info.session_label, "2016");
  EXPECT_EQ(by_symbol(b, "S/RES/280(1970)").info.key, "S/RES/280(1970)");  // empty token: the symbol

  // Official totals kept, including on the records without votes.
  const auto& t = by_symbol(b, "A/RES/74/7").totals;
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->yes, 3);
  EXPECT_EQ(t->no, 1);
  EXPECT_EQ(t->abstain, 0);
  EXPECT_EQ(t->nonvoting, 1);
  ASSERT_TRUE(by_symbol(b, "S/RES/280(1970)").totals.has_value());
  EXPECT_EQ(by_symbol(b, "S/RES/280(1970)").totals->yes, 15);

  // Name map: every header, DONOTKNOW unmapped.
  EXPECT_EQ(b.name_map.at("DONOTKNOW"), "");
  EXPECT_EQ(b.name_map.at("IVORY COAST"), "CIV");
  EXPECT_EQ(b.name_map.at("COTE D'IVOIRE"), "CIV");
  EXPECT_EQ(b.name_map.at("USSR"), "SUN");
  EXPECT_EQ(b.name_map.at("GERMANY, FEDERAL REPUBLIC OF"), "DEU");
  EXPECT_EQ(b.name_map.size(), 8u);
}

TEST(ImportWide, WarningsNameWhatWasSkippedOrMerged) {
  TempDir tmp;
  ImportBatch b = import_wide(tmp.write("wide.csv", file_of(sample())));
  auto count_of = [&](const std::string& needle) -> std::int64_t {
    for (const auto& [kind, e] : b.warnings.by_kind)
      if (kind.find(needle) != std::string::npos) return e.count;
    return 0;
  };
  auto examples_of = [&](const std::string& needle) {
    std::string all;
    for (const auto& [kind, e] : b.warnings.by_kind)
      if (kind.find(needle) != std::string::npos)
        for (const auto& x : e.examples) all += x + ";";
    return all;
  };
  EXPECT_EQ(count_of("unmapped country header"), 1);
  EXPECT_NE(examples_of("unmapped country header").find("DONOTKNOW"), std::string::npos);
  EXPECT_EQ(count_of("vote under an unmapped header"), 1);
  EXPECT_EQ(count_of("repeated under two headers"), 1);
  EXPECT_EQ(count_of("year only"), 1);
  // The two records without a cast vote are described in a note.
  std::string notes;
  for (const auto& n : b.notes) notes += n;
  EXPECT_NE(notes.find("2 records (1 GA, 1 SC)"), std::string::npos) << notes;
  // Totals agree with the cells on every record with votes: no totals warning.
  EXPECT_EQ(count_of("official totals"), 0);
}

TEST(ImportWide, TotalsThatDisagreeAreAWarning) {
  auto recs = sample();
  recs[1].y = "4";
  TempDir tmp;
  ImportBatch b = import_wide(tmp.write("wide.csv", file_of(recs)));
  std::int64_t n = 0;
  for (const auto& [kind, e] : b.warnings.by_kind)
    if (kind.find("official totals") != std::string::npos) n += e.count;
  EXPECT_EQ(n, 1);
}

TEST(ImportWide, GzipAndCrlf) {
  std::string s, plain = file_of(sample());
  for (char c : plain) {
    if (c == '\n') s += '\r';
    s += c;
  }
  TempDir tmp;
  auto p = (tmp.path() / "un_data_wide.csv.gz").string();
  write_gz_file(p, s);
  ImportBatch b = import_path(p, "");
  EXPECT_EQ(b.format, "wide");
  EXPECT_EQ(b.source_name, "un_data_wide");
  EXPECT_EQ(b.rollcalls.size(), 7u);
  EXPECT_EQ(b.votes.size(), 17u);
}

// ---- malformed input -------------------------------------------------------

// Column (1-based) where field `index` of line_of(r) starts.
std::uint64_t column_of(const Rec& r, int index) {
  std::string line = line_of(r);
  std::uint64_t col = 1;
  bool quoted = false;
  int field = 0;
  for (std::size_t i = 0; i < line.size() && field < index; ++i) {
    if (line[i] == '"')
      quoted = !quoted;
    else if (line[i] == ',' && !quoted) {
      ++field;
      col = i + 2;
    }
  }
  return col;
}

TEST(ImportWide, ConflictingSplitVotesAreAnError) {
  auto recs = sample();
  recs[2].cells[2] = "N";  // IVORY COAST Y, COTE D'IVOIRE N on line 4
  TempDir tmp;
  auto p = tmp.write("wide.csv", file_of(recs));
  auto e = input_error([&] { import_wide(p); });
  EXPECT_AT(e, "wide.csv", 4, column_of(recs[2], 3));  // points at the resolution symbol
  EXPECT_NE(std::string(e.what()).find("CIV"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("A/RES/45/1"), std::string::npos) << e.what();
}

TEST(ImportWide, MissingColumn) {
  std::string header = kHeader;
  header.replace(header.find("token"), 5, "tokens");
  TempDir tmp;
  auto p = tmp.write("wide.csv", header + line_of(sample()[0]));
  auto e = input_error([&] { import_wide(p); });
  EXPECT_AT(e, "wide.csv", 1, 1);
  EXPECT_NE(std::string(e.what()).find("'token'"), std::string::npos) << e.what();
}

TEST(ImportWide, ShortAndLongRows) {
  auto recs = sample();
  recs[3].cells.pop_back();
  TempDir tmp;
  auto p = tmp.write("wide.csv", file_of(recs));
  auto e = input_error([&] { import_wide(p); });
  EXPECT_EQ(e.line(), 5u) << e.what();
  EXPECT_NE(std::string(e.what()).find("row has 18 fields"), std::string::npos) << e.what();
  recs = sample();
  recs[3].cells.push_back("Y");
  p = tmp.write("wide.csv", file_of(recs));
  e = input_error([&] { import_wide(p); });
  EXPECT_EQ(e.line(), 5u) << e.what();
  EXPECT_NE(std::string(e.what()).find("row has 20 fields"), std::string::npos) << e.what();
}

TEST(ImportWide, BadCouncil) {
  auto recs = sample();
  recs[4].council = "Trusteeship Council";
  TempDir tmp;
  auto p = tmp.write("wide.csv", file_of(recs));
  EXPECT_AT(input_error([&] { import_wide(p); }), "wide.csv", 6, 1);
}

TEST(ImportWide, BadDate) {
  for (std::string d : {"2019-11-31", "20191107", "19", "", "2019-11-07x"}) {
    auto recs = sample();
    recs[1].date = d;
    TempDir tmp;
    auto p = tmp.write("wide.csv", file_of(recs));
    EXPECT_AT(input_error([&] { import_wide(p); }), "wide.csv", 3, column_of(recs[1], 1));
  }
}

TEST(ImportWide, YearOnlyDateOutsideTheDateRange) {
  // A year-only date must obey the same range as full dates (parse_date takes
  // 1800-2200): "1590-12-31" would be stored, then read back by the store as no
  // date at all.
  for (std::string d : {"1590", "0000", "9999"}) {
    auto recs = sample();
    recs[5].date = d;
    TempDir tmp;
    auto p = tmp.write("wide.csv", file_of(recs));
    EXPECT_AT(input_error([&] { import_wide(p); }), "wide.csv", 7, column_of(recs[5], 1));
  }
}

TEST(ImportWide, UnknownVoteValue) {
  auto recs = sample();
  recs[5].cells[3] = "yes";  // USSR column, line 7
  TempDir tmp;
  auto p = tmp.write("wide.csv", file_of(recs));
  auto e = input_error([&] { import_wide(p); });
  EXPECT_AT(e, "wide.csv", 7, column_of(recs[5], kFirstState + 3));
  EXPECT_NE(std::string(e.what()).find("USSR"), std::string::npos) << e.what();
  // Also under an unmapped header: a bad cell is never silently skipped.
  recs = sample();
  recs[0].cells[5] = "?";
  p = tmp.write("wide.csv", file_of(recs));
  EXPECT_AT(input_error([&] { import_wide(p); }), "wide.csv", 2, column_of(recs[0], kFirstState + 5));
}

TEST(ImportWide, BadCount) {
  auto recs = sample();
  recs[0].y = "two";
  TempDir tmp;
  auto p = tmp.write("wide.csv", file_of(recs));
  EXPECT_AT(input_error([&] { import_wide(p); }), "wide.csv", 2, column_of(recs[0], 8));
}

}  // namespace
}  // namespace rostrum::io
